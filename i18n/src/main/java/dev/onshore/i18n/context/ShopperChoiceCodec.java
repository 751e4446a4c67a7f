package dev.onshore.i18n.context;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Currency;
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The cookie value that makes a shopper's choice stick: {@code 1|ID|id-ID|IDR|Asia/Jakarta}, empty fields for
 * "the market's". Only RFC 6265 cookie-octets are used (no quotes, commas, semicolons, spaces), so the value needs
 * no encoding. Parsing is tolerant: anything malformed, over-long or unknown gives empty, never an exception, and
 * a bad optional field is dropped rather than failing the whole value.
 */
public final class ShopperChoiceCodec {

    /** The cookie name the apps should use. */
    public static final String COOKIE_NAME = "onshore_choice";
    static final int MAX_LENGTH = 128;
    private static final String VERSION = "1";

    private ShopperChoiceCodec() {
    }

    /** Never null; the inverse of {@link #parse(String)}. */
    public static String format(ShopperChoice choice) {
        return VERSION + '|' + choice.country()
                + '|' + (choice.locale() == null ? "" : choice.locale().toLanguageTag())
                + '|' + (choice.currency() == null ? "" : choice.currency().getCurrencyCode())
                + '|' + (choice.zone() == null ? "" : choice.zone().getId());
    }

    /** The choice in a cookie value; empty for null, garbage or values written by an unknown version. */
    public static Optional<ShopperChoice> parse(@Nullable String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= 0x20 || c >= 0x7f || c == '"' || c == ',' || c == ';' || c == '\\') {
                return Optional.empty();
            }
        }
        String[] parts = value.split("\\|", -1);
        if (parts.length != 5 || !VERSION.equals(parts[0]) || !isCountry(parts[1])) {
            return Optional.empty();
        }
        return Optional.of(new ShopperChoice(parts[1], locale(parts[2]), currency(parts[3]), zone(parts[4])));
    }

    private static boolean isCountry(String s) {
        return s.length() == 2 && Character.isLetter(s.charAt(0)) && Character.isLetter(s.charAt(1))
                && s.charAt(0) < 0x80 && s.charAt(1) < 0x80;
    }

    private static @Nullable Locale locale(String tag) {
        if (tag.isEmpty() || tag.length() > 35) {
            return null;
        }
        try {
            Locale locale = new Locale.Builder().setLanguageTag(tag).build();
            return locale.getLanguage().isEmpty() ? null : locale;
        } catch (IllformedLocaleException e) {
            return null;
        }
    }

    private static @Nullable Currency currency(String code) {
        if (code.length() != 3) {
            return null;
        }
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static @Nullable ZoneId zone(String id) {
        if (id.isEmpty() || id.length() > 40) {
            return null;
        }
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
