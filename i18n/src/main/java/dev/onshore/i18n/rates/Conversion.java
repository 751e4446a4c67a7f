package dev.onshore.i18n.rates;

import dev.onshore.i18n.money.Money;

import java.util.Objects;

/**
 * The result of converting a price.
 *
 * @param source   the price converted
 * @param exact    the converted amount before rounding (many decimals)
 * @param price    the price to show and charge, rounded by the market's rule
 * @param snapshot the rates used, to record with whatever is charged
 */
public record Conversion(Money source, Money exact, Money price, RateSnapshot snapshot) {

    public Conversion {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(exact, "exact");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(snapshot, "snapshot");
    }
}
