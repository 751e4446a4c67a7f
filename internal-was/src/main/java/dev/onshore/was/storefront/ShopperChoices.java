package dev.onshore.was.storefront;

import dev.onshore.i18n.context.ShopperChoice;
import dev.onshore.i18n.context.ShopperChoiceCodec;
import dev.onshore.was.accounts.AccountErasedException;
import dev.onshore.was.accounts.ShopperAccounts;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Saves what a shopper picks in the switcher, the suggestion banner or the time-zone form: the choice cookie the edge
 * reads first ({@link ShopperChoiceCodec}), then the page asked for. A choice names a page locale, so the language
 * and the currency are separable exactly where the storefront has a page locale for them ({@code en-id}: English with
 * rupiah).
 */
@Controller
class ShopperChoices {

    static final Duration KEPT = Duration.ofDays(365);
    /** A path on this site: no scheme, no host ({@code //evil}), no backslash tricks, nothing unprintable. */
    private static final Pattern LOCAL_PATH = Pattern.compile("/(?![/\\\\])[\\x21-\\x7e&&[^\\\\]]{0,500}");

    private final StorefrontLocales locales;
    private final ShopperAccounts accounts;
    private final PublicUrls urls;

    ShopperChoices(StorefrontLocales locales, ShopperAccounts accounts, PublicUrls urls) {
        this.locales = locales;
        this.accounts = accounts;
        this.urls = urls;
    }

    /** The link that saves the choice of {@code locale} and opens {@code next}. */
    static String link(StorefrontLocale locale, String next) {
        return "/choice?locale=" + locale.path() + "&next=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
    }

    /**
     * @param locale a page locale ({@code en-id}); an unknown one saves nothing and opens the site default's home
     * @param zone an IANA time zone for displayed times; blank or unknown keeps the market's
     * @param next where to go afterwards; anything but a local path opens the chosen locale's home
     */
    @GetMapping("/choice")
    ResponseEntity<Void> choose(@RequestParam(defaultValue = "") String locale,
            @RequestParam(defaultValue = "") String zone, @RequestParam(defaultValue = "") String next,
            @CookieValue(name = ShopperChoiceCodec.COOKIE_NAME, required = false) @Nullable String saved,
            HttpServletRequest request) {
        var chosen = locales.fromPath(locale).orElse(null);
        if (chosen == null) {
            return ResponseEntity.status(HttpStatus.SEE_OTHER)
                    .header(HttpHeaders.LOCATION, "/" + locales.siteDefault().path() + "/").build();
        }
        var target = LOCAL_PATH.matcher(next).matches() ? next : "/" + chosen.path() + "/";
        var choice = new ShopperChoice(chosen.market(), marketLocale(chosen), null, zone(zone, saved));
        // A logged-in shopper's choice is theirs on every device (issue 14): saved to the account as well, but only
        // when picked on the storefront itself. This is a GET, so any site can link to it: another site's link
        // changes this browser's cookie (as the shopper could) but never the account's saved choice.
        if (sameOrigin(request)) {
            Shopper.current().ifPresent(shopper -> {
                try {
                    accounts.saveChoice(shopper.subject(), choice);
                } catch (AccountErasedException erased) {
                    // A login cookie from before the erasure: the account keeps nothing; the browser's cookie does.
                }
            });
        }
        var cookie = cookie(choice);
        return ResponseEntity.status(HttpStatus.SEE_OTHER).header(HttpHeaders.SET_COOKIE, cookie.toString())
                .header(HttpHeaders.LOCATION, target).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    /**
     * Whether the request comes from a page of the storefront: the browser's {@code Sec-Fetch-Site} says
     * {@code same-origin}; a browser that does not send it must send an {@code Origin} or else a {@code Referer} on
     * one of the storefront's public origins. Nothing to tell (no header at all) is not same-origin.
     */
    private boolean sameOrigin(HttpServletRequest request) {
        var site = request.getHeader("Sec-Fetch-Site");
        if (site != null) {
            return site.equals("same-origin");
        }
        var origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin != null) {
            return urls.isStorefront(origin);
        }
        return urls.isStorefront(request.getHeader(HttpHeaders.REFERER));
    }

    /** The choice cookie the edge reads first. */
    static ResponseCookie cookie(ShopperChoice choice) {
        return ResponseCookie.from(ShopperChoiceCodec.COOKIE_NAME, ShopperChoiceCodec.format(choice)).path("/")
                .maxAge(KEPT).httpOnly(true).sameSite("Lax").build();
    }

    /** The market's own locale of the page's language (the edge accepts only those): {@code en-id} → {@code en-US}. */
    private static Locale marketLocale(StorefrontLocale page) {
        return page.settings().supportedLocales().stream()
                .filter(l -> l.getLanguage().equals(page.language())).findFirst().orElse(page.locale());
    }

    /** The zone picked now, else the one saved before (switching language keeps it), else none. */
    private static @Nullable ZoneId zone(String id, @Nullable String saved) {
        if (id.isBlank() || id.length() > 40) {
            return ShopperChoiceCodec.parse(saved).map(ShopperChoice::zone).orElse(null);
        }
        try {
            return ZoneId.of(id);
        } catch (RuntimeException unknown) {
            return null;
        }
    }
}
