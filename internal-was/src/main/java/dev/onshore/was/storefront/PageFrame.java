package dev.onshore.was.storefront;

import dev.onshore.i18n.money.Money;
import dev.onshore.was.catalog.ProductCatalog;
import dev.onshore.was.catalog.ProductView;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * What every storefront page carries: its locale, the language/currency switcher pointing at the same page in the
 * other locales (also the hreflang alternates), its canonical URL and the top categories for the navigation.
 */
@Component
class PageFrame {

    /** What a product card shows: the catalog's view plus its price formatted for the page's locale. */
    public record Card(ProductView product, String formattedPrice) {
    }

    /** A link in the language/currency switcher and an hreflang alternate. */
    public record Alternate(String path, String label, String hreflang) {
    }

    private final ProductCatalog catalog;
    private final PublicUrls urls;
    private final StorefrontLocales locales;

    PageFrame(ProductCatalog catalog, PublicUrls urls, StorefrontLocales locales) {
        this.catalog = catalog;
        this.urls = urls;
        this.locales = locales;
    }

    /**
     * @param rest the path after the locale prefix, without a leading slash ({@code p/HS-VITC-1000}); the same on
     *     every locale, which is what makes the alternates right
     */
    ModelAndView page(String view, StorefrontLocale page, String rest) {
        var model = new ModelAndView(view);
        model.addObject("page", page);
        model.addObject("pageLocale", page.locale());
        // Absolute, on each market's public address: search engines take canonical and hreflang links as given.
        model.addObject("canonical", urls.page(page, rest));
        model.addObject("alternates", locales.all().stream()
                .map(l -> new Alternate(urls.page(l, rest), label(l), l.language() + "-" + l.market()))
                .toList());
        model.addObject("xDefault", urls.page(locales.siteDefault(), rest));
        model.addObject("navCategories", catalog.categories(page.language()));
        return model;
    }

    ModelAndView notFound(StorefrontLocale page) {
        var model = page("storefront/not-found", page, "");
        model.setStatus(HttpStatus.NOT_FOUND);
        model.addObject("alternates", null);
        return model;
    }

    ModelAndView badRequest(StorefrontLocale page) {
        var model = page("storefront/bad-request", page, "");
        model.setStatus(HttpStatus.BAD_REQUEST);
        model.addObject("alternates", null);
        return model;
    }

    List<Card> cards(List<ProductView> products, StorefrontLocale page) {
        return products.stream().map(product -> new Card(product,
                format(product.price(), product.currency(), page.locale()))).toList();
    }

    static String format(BigDecimal amount, Currency currency, Locale locale) {
        return Money.of(amount, currency).format(locale);
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
