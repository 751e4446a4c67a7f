package dev.onshore.was.checkout.web;

import dev.onshore.was.shared.ShopProblemDetails;
import dev.onshore.was.accounts.AccountErasedException;
import dev.onshore.was.cart.InvalidCartLineException;
import dev.onshore.was.cart.UnknownCartException;
import dev.onshore.was.checkout.CouponRefusedException;
import dev.onshore.was.checkout.InvalidCheckoutException;
import dev.onshore.was.checkout.PaymentUnavailableException;
import dev.onshore.was.checkout.RatesUnavailableException;
import dev.onshore.was.claims.ReplacementRefusedException;
import dev.onshore.was.hotdeals.HotDealRefusedException;
import dev.onshore.was.hotdeals.UnknownHotDealException;
import dev.onshore.was.inventory.InsufficientStockException;
import dev.onshore.was.orders.ClaimLineException;
import dev.onshore.was.orders.ClaimWindowClosedException;
import dev.onshore.was.orders.IllegalOrderTransitionException;
import dev.onshore.was.orders.OrderAlreadyClaimedException;
import dev.onshore.was.orders.OrderNotDeliveredException;
import dev.onshore.was.orders.UnknownOrderException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The buying API's errors as RFC 9457 problem details: a stable type per kind, a localized title and detail, and
 * the machine-readable facts (SKU, code, limit, address errors) as extra members. Never a stack trace.
 */
@RestControllerAdvice(basePackageClasses = ShopProblems.class)
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
class ShopProblems {

    private final ShopProblemDetails problems;

    ShopProblems(MessageSource messages) {
        this.problems = new ShopProblemDetails(messages);
    }

    @ExceptionHandler({UnknownCartException.class, InvalidCartLineException.class, InvalidCheckoutException.class,
            InsufficientStockException.class, UnknownOrderException.class, IllegalOrderTransitionException.class,
            PaymentUnavailableException.class, RatesUnavailableException.class, InvalidRequestException.class,
            IdempotencyException.class, CouponRefusedException.class, HotDealRefusedException.class,
            UnknownHotDealException.class, AccountErasedException.class, ClaimLineException.class,
            ReplacementRefusedException.class})
    ProblemDetail handle(RuntimeException e, Locale locale) {
        var problem = problemFor(e, locale);
        if (problem == null) {
            throw e;
        }
        return problem;
    }

    /** Unreadable JSON (syntax, a wrong type, a number out of range) as this API's own invalid-request problem. */
    @ExceptionHandler(org.springframework.http.converter.HttpMessageNotReadableException.class)
    ProblemDetail unreadable(Exception e, Locale locale) {
        return problems.unreadableBody(locale);
    }

    /** The problem for a known exception, null for any other. */
    @Nullable ProblemDetail problemFor(RuntimeException e, Locale locale) {
        return switch (e) {
            case UnknownCartException unknown -> problem(HttpStatus.NOT_FOUND, "unknown-cart", locale);
            case InvalidCartLineException line -> {
                var problem = problem(switch (line.code()) {
                    case InvalidCartLineException.QUANTITY -> HttpStatus.BAD_REQUEST;
                    case InvalidCartLineException.INSUFFICIENT_STOCK -> HttpStatus.CONFLICT;
                    case InvalidCartLineException.NOT_IN_CART -> HttpStatus.NOT_FOUND;
                    default -> HttpStatus.UNPROCESSABLE_CONTENT;
                }, "cart-line." + line.code(), locale, line.sku(), line.limit());
                problem.setProperty("sku", line.sku());
                problem.setProperty("code", line.code());
                if (line.limit() > 0) {
                    problem.setProperty("limit", line.limit());
                }
                yield problem;
            }
            case InvalidCheckoutException checkout -> {
                var status = switch (checkout.code()) {
                    case "invalid-address", "invalid-email", "unknown-shipping-method" -> HttpStatus.BAD_REQUEST;
                    default -> HttpStatus.UNPROCESSABLE_CONTENT;
                };
                var problem = problem(status, "checkout." + checkout.code(), locale);
                problem.setProperty("code", checkout.code());
                problems.addAddressErrors(problem, checkout.addressErrors(), locale);
                yield problem;
            }
            case CouponRefusedException coupon -> {
                var status = "unknown".equals(coupon.reason()) ? HttpStatus.NOT_FOUND
                        : HttpStatus.UNPROCESSABLE_CONTENT;
                var problem = problem(status, "coupon." + coupon.reason(), locale, coupon.code(),
                        coupon.minimum() == null ? "" : coupon.minimum().format(locale));
                problem.setProperty("coupon", coupon.code());
                problem.setProperty("reason", coupon.reason());
                if (coupon.minimum() != null) {
                    problem.setProperty("minimum", ShopJson.Amount.of(coupon.minimum()));
                }
                yield problem;
            }
            case InsufficientStockException stock -> {
                var problem = problem(HttpStatus.CONFLICT, "insufficient-stock", locale, stock.sku());
                problem.setProperty("sku", stock.sku());
                yield problem;
            }
            case UnknownOrderException unknown -> problem(HttpStatus.NOT_FOUND, "unknown-order", locale);
            // A member's token issued before their account was erased: no order is placed for that member again.
            case AccountErasedException erased -> problem(HttpStatus.GONE, "account.erased", locale);
            case UnknownHotDealException unknown -> problem(HttpStatus.NOT_FOUND, "unknown-hot-deal", locale);
            case HotDealRefusedException refused -> {
                var problem = problem(HttpStatus.CONFLICT, "hot-deal." + refused.reason(), locale, refused.limit());
                problem.setProperty("code", refused.reason());
                if (HotDealRefusedException.OVER_LIMIT.equals(refused.reason())) {
                    problem.setProperty("limit", refused.limit());
                }
                yield problem;
            }
            // A return's or an exchange's refusals, each its own kind (the more general transition after them).
            case OrderNotDeliveredException early -> claimProblem(HttpStatus.CONFLICT, "claim.not-delivered", early,
                    locale);
            case OrderAlreadyClaimedException again -> claimProblem(HttpStatus.CONFLICT, "claim.already-claimed",
                    again, locale);
            case ClaimWindowClosedException late -> {
                var problem = claimProblem(HttpStatus.CONFLICT, "claim.window-closed", late, locale);
                problem.setProperty("closedAt", late.closedAt().toString());
                yield problem;
            }
            case ClaimLineException line -> {
                var unknown = ClaimLineException.SKU.equals(line.field());
                var problem = problem(HttpStatus.UNPROCESSABLE_CONTENT,
                        unknown ? "claim.unknown-line" : "claim.quantity-too-large", locale, line.sku(), line.limit());
                problem.setProperty("sku", line.sku());
                if (!unknown) {
                    problem.setProperty("limit", line.limit());
                }
                yield problem;
            }
            case ReplacementRefusedException replacement -> {
                var problem = problem(replacement.reason() == ReplacementRefusedException.Reason.OUT_OF_STOCK
                        ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_CONTENT, "claim.replacement-" + switch (
                        replacement.reason()) {
                    case OTHER_PRODUCT -> "other-product";
                    case NOT_SOLD -> "not-sold";
                    case OUT_OF_STOCK -> "out-of-stock";
                }, locale, replacement.replacementSku());
                problem.setProperty("replacementSku", replacement.replacementSku());
                yield problem;
            }
            case IllegalOrderTransitionException illegal -> {
                var problem = problem(HttpStatus.CONFLICT, "illegal-order-transition", locale, illegal.number(),
                        illegal.from());
                problem.setProperty("orderStatus", illegal.from()); // "status" is the HTTP status (RFC 9457)
                yield problem;
            }
            case PaymentUnavailableException unavailable ->
                    problem(HttpStatus.SERVICE_UNAVAILABLE, "payment-unavailable", locale);
            case RatesUnavailableException unavailable ->
                    problem(HttpStatus.SERVICE_UNAVAILABLE, "rates-unavailable", locale);
            case InvalidRequestException invalid -> {
                var problem = problem(HttpStatus.BAD_REQUEST, "invalid-request", locale, invalid.field());
                problem.setProperty("field", invalid.field());
                yield problem;
            }
            case IdempotencyException idempotency -> problem(switch (idempotency.kind()) {
                case "mismatch" -> HttpStatus.UNPROCESSABLE_CONTENT;
                case "running" -> HttpStatus.CONFLICT;
                default -> HttpStatus.BAD_REQUEST;
            }, "idempotency-key." + idempotency.kind(), locale);
            default -> null;
        };
    }

    private ProblemDetail claimProblem(HttpStatus status, String kind, IllegalOrderTransitionException refused,
            Locale locale) {
        var problem = problem(status, kind, locale, refused.number());
        problem.setProperty("orderStatus", refused.from());
        return problem;
    }

    private ProblemDetail problem(HttpStatus status, String kind, Locale locale, Object... arguments) {
        return problems.problem(status, kind, locale, arguments);
    }
}
