package dev.onshore.was.checkout;

import dev.onshore.i18n.money.Money;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a market charges on top of the goods, by the same rules as the shop's checkout: shipping by the market's rule
 * for the method (flat or by weight, free over an amount), and tax at the market's rate: included in the prices where
 * the market shows prices with tax (the part of the total that is tax), added on top where it does not.
 */
public interface MarketCharges {

    /**
     * @param market the market's country (ISO 3166-1)
     * @param method the shipping method ({@code standard}, {@code express}, ...)
     * @param merchandise the goods after any discount, in the market's currency
     * @param units the units of each SKU (their weight counts for weight-based rates)
     * @param shipping shipping already charged (a marketplace's own fee), or null for the market's rule
     * @throws InvalidCheckoutException ({@code unknown-shipping-method}) when the market has no such method and no
     *     shipping was given
     * @throws IllegalArgumentException for a market that is not one of the shop's
     */
    Charges charges(String market, String method, Money merchandise, Map<String, Integer> units,
            @Nullable Money shipping);

    /**
     * @param taxIncluded whether {@code tax} is part of {@code total} (inclusive markets) or added to it
     * @param total goods, shipping and (exclusive markets) tax
     */
    record Charges(Money shipping, Money tax, boolean taxIncluded, Money total) {
    }
}
