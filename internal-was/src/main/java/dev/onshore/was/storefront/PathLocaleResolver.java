package dev.onshore.was.storefront;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * The locale of a request is the one in its path ({@code /id-id/...}); requests without one (APIs, the root) use
 * Accept-Language among the languages we have messages for; a path whose first segment is shaped like a locale we do
 * not serve ({@code /xx-yy/}) gets the site default's, like the page it is answered with.
 */
@Component("localeResolver")
class PathLocaleResolver implements LocaleResolver {

    private static final java.util.regex.Pattern LOCALE_SHAPED = java.util.regex.Pattern.compile("[a-z]{2,3}-[a-z0-9]{2,8}");

    private final AcceptHeaderLocaleResolver fallback = new AcceptHeaderLocaleResolver();

    private final StorefrontLocales locales;

    PathLocaleResolver(StorefrontLocales locales) {
        this.locales = locales;
        // The languages the storefront has pages in (onshore.storefront.locales), so that a language added there
        // (Japanese, Thai) is also the API's and the error pages' without a second list to keep in step.
        fallback.setSupportedLocales(locales.all().stream().map(locale -> Locale.of(locale.language())).distinct()
                .toList());
        fallback.setDefaultLocale(Locale.ENGLISH);
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        // The error dispatch of a storefront page (a refused form) speaks the language of the page it refused.
        var path = request.getAttribute(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI) instanceof String original
                ? original : request.getRequestURI();
        if (path != null && path.length() > 1) {
            var end = path.indexOf('/', 1);
            var segment = end < 0 ? path.substring(1) : path.substring(1, end);
            var page = locales.fromPath(segment);
            if (page.isPresent()) {
                return page.get().locale();
            }
            if (LOCALE_SHAPED.matcher(segment).matches()) {
                // A storefront path with a locale we have no pages for: its 404 is the site default's page, so its
                // words must be too (not the Accept-Language ones inside an en-US frame).
                return locales.siteDefault().locale();
            }
        }
        return fallback.resolveLocale(request);
    }

    @Override
    public void setLocale(HttpServletRequest request, @Nullable HttpServletResponse response, @Nullable Locale locale) {
        throw new UnsupportedOperationException("The locale is chosen by the URL");
    }
}
