package dev.onshore.was.storefront;

import dev.onshore.i18n.market.Market;
import java.util.Locale;

/**
 * A locale the storefront has pages for, as it appears in URLs ({@code /id-id/}): a language and the market whose
 * prices it shows (the market's settings come from the {@link dev.onshore.i18n.market.Markets} bean). Public only
 * so that templates can read it.
 */
public record StorefrontLocale(String language, Market settings) {

    public String path() {
        return language + "-" + market().toLowerCase(Locale.ROOT);
    }

    public String language() {
        return language;
    }

    /** The market's country code ({@code ID}). */
    public String market() {
        return settings.country();
    }

    /** The market's currency code (what the switcher shows beside the language). */
    public String currency() {
        return settings.currency().getCurrencyCode();
    }

    public Locale locale() {
        return Locale.of(language, market());
    }
}
