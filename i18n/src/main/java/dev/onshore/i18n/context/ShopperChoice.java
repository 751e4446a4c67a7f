package dev.onshore.i18n.context;

import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * What a shopper chose explicitly (the country/language/currency switcher, or an account preference). It wins
 * over every other signal; parts left null fall back to the market's.
 *
 * @param country  ISO 3166-1 alpha-2, upper-cased; never null
 * @param locale   the chosen language, or null for the market's default
 * @param currency the chosen display currency, or null for the market's
 * @param zone     the chosen time zone, or null for the market's
 */
public record ShopperChoice(String country, @Nullable Locale locale, @Nullable Currency currency,
                            @Nullable ZoneId zone) {

    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    public ShopperChoice {
        Objects.requireNonNull(country, "country");
        country = country.toUpperCase(Locale.ROOT);
        if (!COUNTRY.matcher(country).matches()) {
            throw new IllegalArgumentException("country must be an ISO 3166-1 alpha-2 code: '" + country + "'");
        }
    }

    public static ShopperChoice of(ShopperContext context) {
        return new ShopperChoice(context.country(), context.locale(), context.currency(), context.zoneId());
    }
}
