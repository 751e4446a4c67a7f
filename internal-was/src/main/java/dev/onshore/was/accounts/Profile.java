package dev.onshore.was.accounts;

import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A shopper's profile and preferences.
 *
 * @param market the preferred market (ISO country), null when none saved
 * @param locale the preferred language, one the market supports
 * @param currency the preferred display currency, one the shop prices in
 * @param zone the preferred time zone for displayed times
 */
public record Profile(String subject, @Nullable String displayName, @Nullable String phone, @Nullable String market,
        @Nullable Locale locale, @Nullable Currency currency, @Nullable ZoneId zone) {

    public static Profile empty(String subject) {
        return new Profile(subject, null, null, null, null, null, null);
    }
}
