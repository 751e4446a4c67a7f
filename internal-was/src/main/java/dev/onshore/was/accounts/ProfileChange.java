package dev.onshore.was.accounts;

import org.jspecify.annotations.Nullable;

/**
 * The profile as the shopper sends it, unchecked text; null or blank clears a value.
 *
 * @param locale a BCP 47 tag ({@code id-ID})
 * @param currency an ISO 4217 code
 * @param timeZone an IANA zone id
 */
public record ProfileChange(@Nullable String displayName, @Nullable String phone, @Nullable String market,
        @Nullable String locale, @Nullable String currency, @Nullable String timeZone) {
}
