package dev.onshore.was.storefront;

import dev.onshore.i18n.money.Money;
import dev.onshore.was.catalog.ProductCatalog;
import dev.onshore.was.catalog.ProductView;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.ModelAndView;

/**
 * What every storefront page carries: its locale, the language/currency switcher pointing at the same page in the
 * other locales (also the hreflang alternates), its canonical URL and the top categories for the navigation.
 */
@Component
class PageFrame {

    /** What a product card shows: the catalog's view plus its price formatted for the page's locale. */
    public record Card(ProductView product, String formattedPrice, String brandName) {
    }

    /**
     * A link in the language/currency switcher and, when the page exists there, an hreflang alternate.
     *
     * @param path the absolute public URL of the page's equivalent in the locale (or, when it has none there, of the
     *     nearest page that exists: a category or the home page)
     * @param switchTo the switcher's link: saves the choice, then opens {@code path}
     * @param equivalent whether {@code path} is the same page (only those are hreflang alternates)
     */
    public record Alternate(String path, String label, String hreflang, String switchTo, boolean equivalent) {
    }

    private final ProductCatalog catalog;
    private final dev.onshore.was.catalog.BrandFaces brands;
    private final PublicUrls urls;
    private final StorefrontLocales locales;
    private final Suggestions suggestions;
    private final List<String> zones;
    private final InlineStyle style;

    PageFrame(ProductCatalog catalog, PublicUrls urls, StorefrontLocales locales, Suggestions suggestions,
            InlineStyle style, dev.onshore.was.catalog.BrandFaces brands) {
        this.brands = brands;
        this.catalog = catalog;
        this.style = style;
        this.urls = urls;
        this.locales = locales;
        this.suggestions = suggestions;
        this.zones = java.util.stream.Stream.concat(locales.all().stream().map(l -> l.settings().zone().getId()),
                java.util.stream.Stream.of("UTC")).distinct().toList();
    }

    /** The zone times are shown in: the shopper's (the edge's header, from their choice), else the market's. */
    static java.time.ZoneId zone(@org.jspecify.annotations.Nullable String header, StorefrontLocale page) {
        if (header != null && header.length() <= 64) {
            try {
                return java.time.ZoneId.of(header);
            } catch (RuntimeException invalid) {
                // The gateway's header is advice: an unknown zone falls back to the market's.
            }
        }
        return page.settings().zone();
    }

    /**
     * @param rest the path after the locale prefix, without a leading slash ({@code p/HS-VITC-1000}); the same on
     *     every locale, which is what makes the alternates right
     */
    ModelAndView page(String view, StorefrontLocale page, String rest) {
        return page(view, page, rest, locale -> rest);
    }

    /**
     * @param restFor the path after the prefix of this page's equivalent in each locale: {@code rest} where the page
     *     exists there, the nearest page that does elsewhere (a product not sold in a market: its category)
     */
    ModelAndView page(String view, StorefrontLocale page, String rest, Function<StorefrontLocale, String> restFor) {
        var model = new ModelAndView(view);
        model.addObject("page", page);
        model.addObject("inlineStyle", style.css());
        model.addObject("pageLocale", page.locale());
        // Absolute, on each market's public address: search engines take canonical and hreflang links as given.
        model.addObject("canonical", urls.page(page, rest));
        model.addObject("alternates", locales.all().stream().map(l -> {
            var there = restFor.apply(l);
            return new Alternate(urls.page(l, there), label(l), l.language() + "-" + l.market(),
                    ShopperChoices.link(l, "/" + l.path() + "/" + there), there.equals(rest));
        }).toList());
        model.addObject("xDefault", rest.equals(restFor.apply(locales.siteDefault()))
                ? urls.page(locales.siteDefault(), rest) : null);
        model.addObject("navCategories", catalog.categories(page.language()));
        var request = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest() : null;
        model.addObject("suggestion", request == null ? null : suggestions.forPage(request, page, restFor));
        model.addObject("hreflang", true);
        model.addObject("here", "/" + page.path() + "/" + rest);
        model.addObject("zones", zones);
        model.addObject("zone", zone(request == null ? null : request.getHeader("X-Onshore-TimeZone"), page).getId());
        return model;
    }

    ModelAndView notFound(StorefrontLocale page) {
        var model = page("storefront/not-found", page, "", locale -> "");
        model.setStatus(HttpStatus.NOT_FOUND);
        // The switcher stays (each locale's home), but a missing page has no hreflang alternates.
        model.addObject("hreflang", false);
        return model;
    }

    ModelAndView badRequest(StorefrontLocale page) {
        return badRequest(page, "badrequest.body");
    }

    /** @param reason the message key that names what was refused, in the page's language */
    ModelAndView badRequest(StorefrontLocale page, String reason) {
        return badRequest(page, reason, HttpStatus.BAD_REQUEST);
    }

    /** @param status a 4xx the request is refused with (400, or 413, 415, ... told as the same page) */
    ModelAndView badRequest(StorefrontLocale page, String reason, HttpStatus status) {
        var model = page("storefront/bad-request", page, "");
        model.addObject("reason", reason);
        model.setStatus(status);
        model.addObject("hreflang", false);
        return model;
    }

    /**
     * A refusal the shopper can only go back from (a form's expired token, a method a page does not take, a
     * failure of ours): its own heading and advice, the usual header and a way home.
     *
     * @param kind which texts: {@code errorpage.<kind>.title}, {@code .heading}, {@code .body}
     */
    ModelAndView refused(StorefrontLocale page, HttpStatus status, String kind) {
        var model = page("storefront/refused", page, "");
        model.addObject("kind", kind);
        model.setStatus(status);
        model.addObject("hreflang", false);
        return model;
    }

    List<Card> cards(List<ProductView> products, StorefrontLocale page) {
        if (products.isEmpty()) {
            return List.of();
        }
        var brandNames = brands.displayNames(page.language());
        return products.stream().map(product -> new Card(product,
                format(product.price(), product.currency(), page.locale()),
                brandNames.getOrDefault(product.brand(), product.brand()))).toList();
    }

    static String format(BigDecimal amount, Currency currency, Locale locale) {
        return Money.of(amount, currency).formatUnambiguous(locale);
    }

    static String label(StorefrontLocale locale) {
        var language = locale.locale().getDisplayLanguage(locale.locale());
        return Character.toUpperCase(language.charAt(0)) + language.substring(1) + " · " + locale.market() + " · "
                + locale.currency();
    }

    static String brandSlug(String brand) {
        return brand.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
