package dev.onshore.i18n.context;

import org.jspecify.annotations.Nullable;

/**
 * What the resolver needs to know about a request, copied from HTTP by the app. Every part may be null, empty or
 * garbage: the resolver copes.
 *
 * @param choiceCookie   the value of the {@link ShopperChoiceCodec#COOKIE_NAME} cookie (or the account preference
 *                       in the same format)
 * @param path           the request path, e.g. {@code /id-id/products/42}; its first segment may be a locale
 * @param acceptLanguage the Accept-Language header
 * @param clientIp       the client IP literal as established by the trusted proxy chain (never a raw
 *                       X-Forwarded-For)
 * @param userAgent      the User-Agent header, to recognise crawlers
 */
public record ShopperRequest(@Nullable String choiceCookie, @Nullable String path, @Nullable String acceptLanguage,
                             @Nullable String clientIp, @Nullable String userAgent) {

    /** A request with only the browser signals (no cookie, no locale prefix). */
    public static ShopperRequest ofBrowser(@Nullable String acceptLanguage, @Nullable String clientIp,
                                           @Nullable String userAgent) {
        return new ShopperRequest(null, null, acceptLanguage, clientIp, userAgent);
    }
}
