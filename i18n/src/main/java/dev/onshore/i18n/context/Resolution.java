package dev.onshore.i18n.context;

/** Which signal decided a shopper's context, highest precedence first. */
public enum Resolution {
    /** The shopper's explicit choice (cookie or account preference). */
    EXPLICIT_CHOICE,
    /** The locale prefix of the URL, e.g. {@code /id-id/...}. */
    URL_PREFIX,
    /** The browser's Accept-Language header (the market may still come from GeoIP when it offers that language). */
    ACCEPT_LANGUAGE,
    /** The GeoIP country's market defaults. */
    GEOIP,
    /** Nothing usable: the site default market. */
    SITE_DEFAULT
}
