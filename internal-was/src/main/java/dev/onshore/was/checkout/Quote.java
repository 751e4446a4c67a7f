package dev.onshore.was.checkout;

import dev.onshore.i18n.money.Money;
import dev.onshore.was.cart.CartView;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What an order would cost now, as the market shows it: {@code subtotal − discount + shipping} (+ {@code tax} where
 * it is added on top).
 *
 * @param tax the tax in {@code total}: included in the prices where {@code taxIncluded} (VAT/GST markets), added on
 *     top otherwise (US sales tax)
 * @param freeShippingOver the subtotal (after the discount) from which the method ships free, null when it never does
 * @param coupon the coupon applied (upper-case), null without one
 * @param discount what the coupon takes off the subtotal; zero without one
 * @param dutiesNote the market's note on import duties (in the shopper's language), null where none is needed
 */
public record Quote(String market, List<CartView.Line> lines, Money subtotal, String shippingMethod, Money shipping,
        @Nullable Money freeShippingOver, Money tax, boolean taxIncluded, Money total, @Nullable String coupon,
        Money discount, @Nullable String dutiesNote) {
}
