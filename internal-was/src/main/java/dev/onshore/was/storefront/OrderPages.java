package dev.onshore.was.storefront;

import dev.onshore.i18n.time.ViewerTime;
import dev.onshore.was.claims.ExchangeClaims;
import dev.onshore.was.claims.ReplacementRefusedException;
import dev.onshore.was.orders.ClaimGrounds;
import dev.onshore.was.orders.ClaimLineException;
import dev.onshore.was.orders.ClaimReason;
import dev.onshore.was.orders.ClaimWindowClosedException;
import dev.onshore.was.orders.IllegalOrderTransitionException;
import dev.onshore.was.orders.OrderAlreadyClaimedException;
import dev.onshore.was.orders.OrderManagement;
import dev.onshore.was.orders.OrderNotDeliveredException;
import dev.onshore.was.orders.OrderStatus;
import dev.onshore.was.orders.OrderView;
import dev.onshore.was.orders.UnknownOrderException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import dev.onshore.was.storefront.FormTokens.Form;
import org.springframework.web.servlet.ModelAndView;

/**
 * An order's page (confirmation, status, timeline, cancel before shipping, return and exchange requests) and the
 * shopper's login and sign-up links (the account page is {@link AccountPages}). A guest sees an order with the access
 * token its checkout left in a cookie; a member sees theirs; anyone else is told there is no such order. The return
 * and exchange forms carry a one-time token ({@link FormTokens}): a double submit asks once and shows the same
 * confirmation.
 */
@Controller
class OrderPages {

    /** An order line as the page shows it. */
    public record Line(String sku, String name, int quantity, String unitPrice, String total) {
    }

    /** A step of the timeline. */
    public record Step(String status, String at) {
    }

    /** An order in the history. */
    public record Summary(String number, String placedAt, OrderStatus status, String total) {
    }

    /** A reason of the claim forms, with its label in the page's language. */
    public record Reason(String code, String label) {
    }

    /** What a line may be exchanged for: its own variant and its siblings the market sells. */
    public record ExchangeLine(String sku, String name, int quantity, List<ExchangeClaims.Replacement> replacements) {
    }

    private final OrderManagement orders;
    private final ShopCookies cookies;
    private final PageFrame pages;
    private final StorefrontLocales locales;
    private final MessageSource messages;
    private final ExchangeClaims exchanges;
    private final FormTokens tokens;

    OrderPages(OrderManagement orders, ShopCookies cookies, PageFrame pages, StorefrontLocales locales,
            MessageSource messages, ExchangeClaims exchanges, FormTokens tokens) {
        this.orders = orders;
        this.cookies = cookies;
        this.pages = pages;
        this.locales = locales;
        this.messages = messages;
        this.exchanges = exchanges;
        this.tokens = tokens;
    }

    /** Where payment pages send the shopper back: the order's page in its language and market. */
    @GetMapping("/orders/{number}")
    ModelAndView back(@PathVariable String number, @RequestParam(required = false) @Nullable String sandbox,
            HttpServletRequest request) {
        var order = find(number, request).orElse(null);
        var page = order == null ? locales.siteDefault() : locales.all().stream()
                .filter(l -> l.market().equals(order.market())).findFirst().orElse(locales.siteDefault());
        var query = "paid".equals(sandbox) || "failed".equals(sandbox) ? "?payment=" + sandbox : "";
        return new ModelAndView("redirect:/" + page.path() + "/orders/" + (number.matches("[A-Z0-9-]{1,40}")
                ? number : "unknown") + query);
    }

    @GetMapping("/{locale}/orders/{number}")
    ModelAndView order(@PathVariable String locale, @PathVariable String number,
            @RequestParam(required = false) @Nullable String payment, @RequestParam(required = false) @Nullable String done,
            HttpServletRequest request, HttpServletResponse response) {
        return withOrder(locale, number, request, response, (page, order) -> {
            var view = view(page, order);
            if ("paid".equals(payment) && order.status() == OrderStatus.PLACED) {
                view.addObject("notice", messages.getMessage("shop.order.payment-confirming", null, page.locale()));
            } else if ("failed".equals(payment)) {
                view.addObject("notice", messages.getMessage("shop.order.payment-failed", null, page.locale()));
            } else if ("cancelled".equals(done) || "return".equals(done) || "exchange".equals(done)) {
                view.addObject("notice", messages.getMessage("shop.order.done." + done, null, page.locale()));
            }
            return view;
        });
    }

    @PostMapping("/{locale}/orders/{number}/cancel")
    ModelAndView cancel(@PathVariable String locale, @PathVariable String number, HttpServletRequest request,
            HttpServletResponse response) {
        return act(locale, number, "cancelled", request, response, () -> orders.cancel(number, "shopper"));
    }

    @PostMapping("/{locale}/orders/{number}/return")
    ModelAndView requestReturn(@PathVariable String locale, @PathVariable String number,
            @RequestParam Map<String, String> form, HttpServletRequest request, HttpServletResponse response) {
        return claim(locale, number, "return", Form.REQUEST_RETURN, form, request, response, errors -> {
            var grounds = grounds(form, errors);
            return grounds == null ? null : orders.requestReturn(number, grounds);
        });
    }

    @PostMapping("/{locale}/orders/{number}/exchange")
    ModelAndView requestExchange(@PathVariable String locale, @PathVariable String number,
            @RequestParam Map<String, String> form, HttpServletRequest request, HttpServletResponse response) {
        return claim(locale, number, "exchange", Form.REQUEST_EXCHANGE, form, request, response, errors -> {
            var sku = form.getOrDefault("sku", "").strip();
            if (sku.isEmpty()) {
                errors.put("sku", "shop.claim.error.required");
            }
            var replacement = form.getOrDefault("replacementSku", "").strip();
            if (replacement.isEmpty()) {
                errors.put("replacementSku", "shop.claim.error.required");
            }
            var quantity = form.getOrDefault("quantity", "").strip();
            if (!quantity.matches("[0-9]{1,4}") || Integer.parseInt(quantity) < 1) {
                errors.put("quantity", "shop.claim.error.quantity");
            }
            var grounds = grounds(form, errors);
            if (grounds == null || !errors.isEmpty()) {
                return null;
            }
            return exchanges.requestForShopper(number, sku, replacement, Integer.parseInt(quantity), grounds);
        });
    }

    /** The reason and note of a claim form; null (with the field's error added) when they are not valid. */
    private static @Nullable ClaimGrounds grounds(Map<String, String> form, Map<String, String> errors) {
        var reason = ClaimReason.parse(form.get("reason"));
        if (reason == null) {
            errors.put("reason", "shop.claim.error.reason");
            return null;
        }
        try {
            return new ClaimGrounds(reason, form.get("note"));
        } catch (IllegalArgumentException tooLong) {
            errors.put("note", "shop.claim.error.note");
            return null;
        }
    }

    /** A claim form's action: null when its fields were refused (the errors say why, by field, as message keys). */
    private interface ClaimAction {
        @Nullable OrderView run(Map<String, String> errors);
    }

    /**
     * Runs a return or exchange form once per form token: the shopper's own order first (else the page says there is
     * no such order), then the token (a spent one shows the confirmation again: the first submit asked), then the
     * fields and the claim. A refusal shows the order's page with the form as sent and what was wrong, localized; it
     * frees the token so that the corrected form can be sent.
     */
    private ModelAndView claim(String locale, String number, String kind, Form purpose, Map<String, String> form,
            HttpServletRequest request, HttpServletResponse response, ClaimAction action) {
        return withOrder(locale, number, request, response, (page, order) -> {
            var token = form.getOrDefault("formToken", "");
            switch (tokens.claimOnceSettled(token, purpose)) {
                case FormTokens.Used _ -> {
                    return new ModelAndView("redirect:/" + page.path() + "/orders/" + number + "?done=" + kind);
                }
                case FormTokens.Expired _, FormTokens.OtherForm _, FormTokens.Placed _, FormTokens.Running _,
                        FormTokens.Resume _ -> {
                    return refused(page, order, kind, form, Map.of(), HttpStatus.CONFLICT,
                            messages.getMessage("shop.claim.form-expired", null, page.locale()));
                }
                case FormTokens.Claimed _ -> {
                    // goes on below
                }
            }
            var errors = new LinkedHashMap<String, String>();
            try {
                if (action.run(errors) != null) {
                    tokens.done(token);
                    return new ModelAndView("redirect:/" + page.path() + "/orders/" + number + "?done=" + kind);
                }
                tokens.release(token);
                return refused(page, order, kind, form, errors, HttpStatus.BAD_REQUEST, null);
            } catch (ClaimLineException line) {
                tokens.release(token);
                var unknown = ClaimLineException.SKU.equals(line.field());
                errors.put(line.field(), message(unknown ? "problem.claim.unknown-line.detail"
                        : "problem.claim.quantity-too-large.detail", page, line.sku(), line.limit()));
                return refused(page, order, kind, form, errors, HttpStatus.UNPROCESSABLE_CONTENT, null);
            } catch (ReplacementRefusedException replacement) {
                tokens.release(token);
                errors.put("replacementSku", message("problem.claim.replacement-" + switch (replacement.reason()) {
                    case OTHER_PRODUCT -> "other-product";
                    case NOT_SOLD -> "not-sold";
                    case OUT_OF_STOCK -> "out-of-stock";
                } + ".detail", page, replacement.replacementSku()));
                return refused(page, order, kind, form, errors, HttpStatus.UNPROCESSABLE_CONTENT, null);
            } catch (IllegalOrderTransitionException e) {
                tokens.release(token);
                var key = switch (e) {
                    case OrderNotDeliveredException _ -> "problem.claim.not-delivered.detail";
                    case OrderAlreadyClaimedException _ -> "problem.claim.already-claimed.detail";
                    case ClaimWindowClosedException _ -> "problem.claim.window-closed.detail";
                    default -> null;
                };
                var current = orders.find(number).orElse(order);
                var text = key != null ? message(key, page, number)
                        : messages.getMessage("shop.order.not-possible." + kind,
                                new Object[] {number, status(e.from(), page)}, page.locale());
                return refused(page, current, kind, Map.of(), Map.of(), HttpStatus.CONFLICT, text);
            } catch (UnknownOrderException e) {
                tokens.release(token);
                return pages.notFound(page);
            } catch (RuntimeException e) {
                tokens.release(token);
                throw e;
            }
        });
    }

    private String message(String key, StorefrontLocale page, Object... arguments) {
        return messages.getMessage(key, arguments, page.locale());
    }

    /**
     * The order's page again with the claim form {@code kind} as sent and its field errors (message keys or texts)
     * in the page's language, and {@code error} above it.
     */
    private ModelAndView refused(StorefrontLocale page, OrderView order, String kind, Map<String, String> form,
            Map<String, String> errors, HttpStatus status, @Nullable String error) {
        var view = view(page, order);
        view.setStatus(status);
        var localized = new LinkedHashMap<String, String>();
        errors.forEach((field, text) -> localized.put(field, text.startsWith("shop.claim.")
                ? messages.getMessage(text, null, page.locale()) : text));
        view.addObject(kind + "Form", form);
        view.addObject(kind + "Errors", localized);
        view.addObject("openForm", kind);
        view.addObject("error", error != null ? error
                : messages.getMessage("shop.claim.error.fields", null, page.locale()));
        return view;
    }

    @GetMapping("/{locale}/login")
    ModelAndView login(@PathVariable String locale, @RequestParam(required = false) @Nullable String next) {
        return startLogin(locale, next, false);
    }

    @GetMapping("/{locale}/signup")
    ModelAndView signup(@PathVariable String locale, @RequestParam(required = false) @Nullable String next) {
        return startLogin(locale, next, true);
    }

    private ModelAndView startLogin(String locale, @Nullable String next, boolean signup) {
        var page = locales.fromPath(locale).orElse(null);
        if (page == null) {
            return pages.notFound(locales.siteDefault());
        }
        var target = ShopperLogin.next(next == null ? "/" + page.path() + "/account" : next, locales);
        var url = org.springframework.web.util.UriComponentsBuilder.fromPath("/oauth2/authorization/"
                + ShopperLogin.REGISTRATION).queryParam("next", target).queryParam("lang", page.language());
        if (signup) {
            url.queryParam("signup", "1");
        }
        return new ModelAndView("redirect:" + url.build().encode().toUriString());
    }

    private interface Action {
        OrderView run();
    }

    private ModelAndView act(String locale, String number, String done, HttpServletRequest request,
            HttpServletResponse response, Action action) {
        return withOrder(locale, number, request, response, (page, order) -> {
            try {
                action.run();
                return new ModelAndView("redirect:/" + page.path() + "/orders/" + number + "?done=" + done);
            } catch (IllegalOrderTransitionException e) {
                var view = view(page, orders.find(number).orElse(order));
                view.setStatus(HttpStatus.CONFLICT);
                view.addObject("error", messages.getMessage("shop.order.not-possible." + done,
                        new Object[] {number, status(e.from(), page)}, page.locale()));
                return view;
            } catch (UnknownOrderException e) {
                return pages.notFound(page);
            }
        });
    }

    private interface ForOrder {
        ModelAndView show(StorefrontLocale page, OrderView order);
    }

    /**
     * The page in its language for the shopper's own order, marked private; else the not-found page (the site
     * default's for a language the shop does not have, the language's for an order that is not this shopper's).
     */
    private ModelAndView withOrder(String locale, String number, HttpServletRequest request,
            HttpServletResponse response, ForOrder action) {
        var page = locales.fromPath(locale).orElse(null);
        if (page == null) {
            return pages.notFound(locales.siteDefault());
        }
        ShopperFrame.markPrivate(request, response);
        var order = find(number, request).orElse(null);
        if (order == null) {
            return pages.notFound(page);
        }
        return action.show(page, order);
    }

    private Optional<OrderView> find(String number, HttpServletRequest request) {
        if (!number.matches("[A-Z0-9-]{1,40}")) {
            return Optional.empty();
        }
        var member = Shopper.current().map(Shopper::subject).orElse(null);
        return orders.findForShopper(number, member, cookies.orderToken(request, number).orElse(null));
    }

    private ModelAndView view(StorefrontLocale page, OrderView order) {
        var view = pages.page("storefront/order", page, "orders/" + order.number());
        view.addObject("noindex", true);
        view.addObject("alternates", null);
        var locale = page.locale();
        var zone = page.settings().zone();
        view.addObject("order", order);
        view.addObject("statusLabel", status(order.status().name(), page));
        view.addObject("placedAt", ViewerTime.dateTime(order.placedAt(), zone, locale));
        view.addObject("lines", order.lines().stream().map(line -> new Line(line.sku(), line.name(), line.quantity(),
                line.unitPrice().format(locale), line.unitPrice().times(line.quantity()).rounded().format(locale)))
                .toList());
        view.addObject("subtotal", order.subtotal().format(locale));
        view.addObject("shipping", order.shipping().format(locale));
        view.addObject("tax", order.tax().format(locale));
        view.addObject("total", order.total().format(locale));
        view.addObject("refunded", order.refunded().isZero() ? null : order.refunded().format(locale));
        view.addObject("timeline", order.history().stream().map(step -> new Step(status(step.status(), page),
                ViewerTime.dateTime(step.at(), zone, locale))).toList());
        view.addObject("cancellable", List.of(OrderStatus.PLACED, OrderStatus.PAID, OrderStatus.PREPARING)
                .contains(order.status()));
        var claimableUntil = orders.claimableUntil(order);
        view.addObject("returnable", claimableUntil != null);
        view.addObject("returnLabel", order.returnStatus() == null ? null
                : messages.getMessage("shop.return." + order.returnStatus().name(), null, locale));
        view.addObject("exchangeLabel", order.exchange() == null ? null
                : messages.getMessage("shop.status.EXCHANGE_" + order.exchange().status().name(), null, locale));
        if (claimableUntil != null) {
            view.addObject("claimableUntil", ViewerTime.dateTime(claimableUntil, zone, locale));
            view.addObject("reasons", java.util.Arrays.stream(ClaimReason.values()).map(reason -> new Reason(
                    reason.name(), messages.getMessage("shop.claim.reason." + reason.name(), null, locale))).toList());
            view.addObject("returnToken", tokens.issue(Form.REQUEST_RETURN));
            var exchangeLines = order.lines().stream().map(line -> new ExchangeLine(line.sku(), line.name(),
                    line.quantity(), exchanges.replacements(line.sku(), order.market(), page.language())))
                    .filter(line -> !line.replacements().isEmpty()).toList();
            if (!exchangeLines.isEmpty()) {
                view.addObject("exchangeLines", exchangeLines);
                view.addObject("exchangeToken", tokens.issue(Form.REQUEST_EXCHANGE));
            }
        }
        view.addObject("returnForm", Map.of());
        view.addObject("returnErrors", Map.of());
        view.addObject("exchangeForm", Map.of());
        view.addObject("exchangeErrors", Map.of());
        return view;
    }

    private String status(String status, StorefrontLocale page) {
        var colon = status.indexOf(':'); // CANCELLED:shopper, REFUNDED:<provider id>
        var name = colon < 0 ? status : status.substring(0, colon);
        return messages.getMessage("shop.status." + name, null, name, page.locale());
    }
}
