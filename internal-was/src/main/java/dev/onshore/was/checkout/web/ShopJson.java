package dev.onshore.was.checkout.web;

import dev.onshore.i18n.address.EnteredAddress;
import dev.onshore.i18n.money.Money;
import dev.onshore.was.cart.CartView;
import dev.onshore.was.checkout.CheckoutRequest;
import dev.onshore.was.checkout.PlacedCheckout;
import dev.onshore.was.checkout.Quote;
import dev.onshore.was.orders.ClaimGrounds;
import dev.onshore.was.orders.ClaimReason;
import dev.onshore.was.orders.OrderExchange;
import dev.onshore.was.orders.OrderView;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The API's JSON shapes. Amounts are decimal strings with their currency, never floating-point numbers; nothing a
 * client sends about prices or totals is read.
 */
final class ShopJson {

    private ShopJson() {
    }

    record NewCart(@Nullable String market) {
    }

    /** A quantity as sent: a whole number; one beyond any stock is capped (the per-order maximum refuses it). */
    record NewLine(@Nullable String sku, java.math.@Nullable BigDecimal quantity) {
    }

    record Quantity(java.math.@Nullable BigDecimal quantity) {
    }

    /** A whole quantity, or an invalid-request problem; beyond {@code int} it is capped, to be refused as too many. */
    static int quantity(java.math.@Nullable BigDecimal quantity) {
        if (quantity == null) {
            throw new InvalidRequestException("quantity");
        }
        var whole = quantity.stripTrailingZeros();
        if (whole.scale() > 0) {
            throw new InvalidRequestException("quantity");
        }
        return whole.compareTo(java.math.BigDecimal.valueOf(Integer.MAX_VALUE)) > 0 ? Integer.MAX_VALUE
                : whole.compareTo(java.math.BigDecimal.valueOf(Integer.MIN_VALUE)) < 0 ? Integer.MIN_VALUE
                : whole.intValueExact();
    }

    record AddressJson(@Nullable String country, @Nullable String recipient, @Nullable String organization,
            @Nullable String addressLine1, @Nullable String addressLine2, @Nullable String district,
            @Nullable String city, @Nullable String region, @Nullable String postalCode, @Nullable String phone)
            implements EnteredAddress {
    }

    /** {@code coupon}: a coupon code, optional. */
    record CheckoutJson(@Nullable AddressJson address, @Nullable String shippingMethod, @Nullable String email,
            @Nullable String coupon) {

        CheckoutRequest toRequest(java.time.@Nullable ZoneId timeZone) {
            if (address == null) {
                throw new InvalidRequestException("address");
            }
            return new CheckoutRequest(address.toAddress(), shippingMethod == null ? "" : shippingMethod,
                    email == null ? "" : email, coupon, timeZone);
        }
    }

    /** A hot-deal checkout: how many units and where to; the price is the deal's. */
    record HotDealCheckoutJson(java.math.@Nullable BigDecimal quantity, @Nullable AddressJson address,
            @Nullable String shippingMethod, @Nullable String email) {

        int units() {
            var units = ShopJson.quantity(quantity);
            if (units < 1) {
                throw new InvalidRequestException("quantity");
            }
            return units;
        }

        CheckoutRequest toRequest(java.time.@Nullable ZoneId timeZone) {
            return new CheckoutJson(address, shippingMethod, email, null).toRequest(timeZone);
        }
    }

    record Amount(String amount, String currency) {

        static Amount of(Money money) {
            return new Amount(money.amount().toPlainString(), money.currency().getCurrencyCode());
        }

        static @Nullable Amount ofNullable(@Nullable Money money) {
            return money == null ? null : of(money);
        }
    }

    record LineJson(String sku, String name, Amount unitPrice, int quantity, Amount total, @Nullable Integer maxPerOrder,
            @Nullable String problem) {
    }

    record CartJson(String market, String currency, List<LineJson> lines, Amount subtotal, boolean orderable) {

        static CartJson of(CartView cart) {
            return new CartJson(cart.market(), cart.subtotal().currency().getCurrencyCode(), ShopJson.lines(cart.lines()),
                    Amount.of(cart.subtotal()), cart.orderable());
        }
    }

    record CreatedCartJson(String token, CartJson cart) {
    }

    /**
     * The breakdown: {@code subtotal − discount + shipping} (+ {@code tax} unless {@code taxIncluded}) =
     * {@code total}; {@code coupon} and {@code dutiesNote} are null when there is none.
     */
    record QuoteJson(String market, String currency, List<LineJson> lines, Amount subtotal, @Nullable String coupon,
            Amount discount, String shippingMethod, Amount shipping, @Nullable Amount freeShippingOver, Amount tax,
            boolean taxIncluded, Amount total, @Nullable String dutiesNote) {

        static QuoteJson of(Quote quote) {
            return new QuoteJson(quote.market(), quote.total().currency().getCurrencyCode(), ShopJson.lines(quote.lines()),
                    Amount.of(quote.subtotal()), quote.coupon(), Amount.of(quote.discount()), quote.shippingMethod(),
                    Amount.of(quote.shipping()), Amount.ofNullable(quote.freeShippingOver()), Amount.of(quote.tax()),
                    quote.taxIncluded(), Amount.of(quote.total()), quote.dutiesNote());
        }
    }

    record StepJson(String status, String at) {
    }

    record OrderJson(String number, String status, @Nullable String returnStatus, String market, String currency,
            List<LineJson> lines, Amount subtotal, @Nullable String coupon, Amount discount, String shippingMethod, Amount shipping, Amount tax,
            boolean taxIncluded, Amount total, Amount baseTotal, String rateToBase, String rateAsOf, Amount refunded,
            @Nullable String paymentProvider, String placedAt, String payBy, List<StepJson> history,
            @Nullable GroundsJson returnGrounds, @Nullable ExchangeJson exchange, @Nullable String claimableUntil) {

        static OrderJson of(OrderView order) {
            return of(order, null);
        }

        /** @param claimableUntil until when the shopper may ask for a return or an exchange, null when not */
        static OrderJson of(OrderView order, java.time.@Nullable Instant claimableUntil) {
            return new OrderJson(order.number(), order.status().name(),
                    order.returnStatus() == null ? null : order.returnStatus().name(), order.market(),
                    order.total().currency().getCurrencyCode(), order.lines().stream().map(line -> new LineJson(
                            line.sku(), line.name(), Amount.of(line.unitPrice()), line.quantity(),
                            Amount.of(line.total().rounded()), null, null)).toList(),
                    Amount.of(order.subtotal()), order.couponCode(), Amount.of(order.discount()),
                    order.shippingMethod(), Amount.of(order.shipping()),
                    Amount.of(order.tax()), order.taxIncluded(), Amount.of(order.total()),
                    Amount.of(order.baseTotal()), order.rateToBase().stripTrailingZeros().toPlainString(),
                    order.rateAsOf().toString(), Amount.of(order.refunded()), order.paymentProvider(),
                    order.placedAt().toString(), order.payBy().toString(),
                    order.history().stream().map(step -> new StepJson(step.status(), step.at().toString())).toList(),
                    GroundsJson.ofNullable(order.returnGrounds()), ExchangeJson.ofNullable(order.exchange()),
                    claimableUntil == null ? null : claimableUntil.toString());
        }
    }

    /** Why a return or an exchange was asked for: a code of {@link ClaimReason} and the shopper's note. */
    record GroundsJson(String reason, @Nullable String note) {

        static @Nullable GroundsJson ofNullable(@Nullable ClaimGrounds grounds) {
            return grounds == null ? null : new GroundsJson(grounds.reason().name(), grounds.note());
        }
    }

    /** An order's exchange: REQUESTED, APPROVED, RECEIVED or SHIPPED (the replacement). */
    record ExchangeJson(String status, String sku, String replacementSku, int quantity,
            @Nullable GroundsJson grounds) {

        static @Nullable ExchangeJson ofNullable(@Nullable OrderExchange exchange) {
            return exchange == null ? null : new ExchangeJson(exchange.status().name(), exchange.sku(),
                    exchange.replacementSku(), exchange.quantity(), GroundsJson.ofNullable(exchange.grounds()));
        }
    }

    /** A return of the whole delivered order (its receipt refunds the order in full). */
    record ReturnRequestJson(
            @Schema(description = "Why the order goes back", requiredMode = Schema.RequiredMode.REQUIRED,
                    allowableValues = {"DAMAGED", "DEFECTIVE", "WRONG_ITEM", "NOT_AS_DESCRIBED", "OTHER_VARIANT",
                            "CHANGED_MIND", "OTHER"}) @Nullable String reason,
            @Schema(description = "The shopper's own words, at most 500 characters", maxLength = 500)
            @Nullable String note) {
    }

    /** An exchange of units of one line for another variant of the same product (or the same SKU). */
    record ExchangeRequestJson(
            @Schema(description = "The line's SKU", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String sku,
            @Schema(description = "The variant wanted instead: the same product, sold in the order's market",
                    requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String replacementSku,
            @Schema(description = "Units to exchange, 1 to the line's quantity",
                    requiredMode = Schema.RequiredMode.REQUIRED, minimum = "1") java.math.@Nullable BigDecimal quantity,
            @Schema(description = "Why", requiredMode = Schema.RequiredMode.REQUIRED,
                    allowableValues = {"DAMAGED", "DEFECTIVE", "WRONG_ITEM", "NOT_AS_DESCRIBED", "OTHER_VARIANT",
                            "CHANGED_MIND", "OTHER"}) @Nullable String reason,
            @Schema(description = "The shopper's own words, at most 500 characters", maxLength = 500)
            @Nullable String note) {
    }

    /**
     * The reason and note as sent, or an invalid-request problem naming {@code reason} (missing, not one of
     * {@link ClaimReason}) or {@code note} (too long).
     */
    static ClaimGrounds grounds(@Nullable String reason, @Nullable String note) {
        var parsed = ClaimReason.parse(reason);
        if (parsed == null) {
            throw new InvalidRequestException("reason");
        }
        try {
            return new ClaimGrounds(parsed, note);
        } catch (IllegalArgumentException tooLong) {
            throw new InvalidRequestException("note");
        }
    }

    record PlacedJson(OrderJson order, String accessToken, String paymentUrl) {

        static PlacedJson of(PlacedCheckout placed) {
            return new PlacedJson(OrderJson.of(placed.order()), placed.accessToken(), placed.paymentUrl().toString());
        }
    }

    private static List<LineJson> lines(List<CartView.Line> lines) {
        return lines.stream().map(line -> new LineJson(line.sku(), line.name(), Amount.of(line.unitPrice()),
                line.quantity(), Amount.of(line.total()), line.maxPerOrder(), line.problem())).toList();
    }
}
