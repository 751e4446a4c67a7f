package dev.onshore.was.checkout;

import dev.onshore.i18n.money.Money;
import dev.onshore.was.cart.CartView;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What an order would cost now, as the market shows it.
 *
 * @param tax the tax in {@code total}: included in the prices where {@code taxIncluded} (VAT/GST markets), added on
 *     top otherwise (US sales tax)
 * @param freeShippingOver the subtotal from which the method ships free, null when it never does
 */
public record Quote(String market, List<CartView.Line> lines, Money subtotal, String shippingMethod, Money shipping,
        @Nullable Money freeShippingOver, Money tax, boolean taxIncluded, Money total) {
}
