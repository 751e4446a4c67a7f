package dev.onshore.was.cart;

import dev.onshore.i18n.money.Money;
import java.util.List;

/**
 * A cart priced now, in its market's currency, from the catalog: never from what a client sent.
 *
 * @param orderable false when some line cannot be bought as it is (see {@link Line#problem()})
 */
public record CartView(String market, List<Line> lines, Money subtotal, boolean orderable) {

    /**
     * One line.
     *
     * @param name in the requested language (English when missing), with the variant's label
     * @param unitPrice what one unit costs now; zero when the product cannot be bought ({@code problem} says why)
     * @param problem null when the line can be ordered; else a {@link InvalidCartLineException} code
     */
    public record Line(String sku, String name, Money unitPrice, int quantity, Money total, int maxPerOrder,
            @org.jspecify.annotations.Nullable String problem) {
    }
}
