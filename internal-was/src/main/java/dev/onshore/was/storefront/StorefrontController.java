package dev.onshore.was.storefront;

import com.ibm.icu.text.NumberFormat;
import com.ibm.icu.util.ULocale;
import dev.onshore.was.catalog.ProductCatalog;
import dev.onshore.was.catalog.ProductView;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/** Home page per locale; the bare root sends the shopper to the locale the gateway chose for them. */
@Controller
class StorefrontController {

    /** What a product card shows: the catalog's view plus its price formatted for the page's locale. */
    public record Card(ProductView product, String formattedPrice) {
    }

    /** A link in the language switcher. */
    public record Alternate(String path, String label, String hreflang) {
    }

    private final ProductCatalog catalog;

    StorefrontController(ProductCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/")
    RedirectView root(@RequestHeader(name = "X-Onshore-Locale", required = false) String chosen,
            @RequestHeader(name = "Accept-Language", required = false) String acceptLanguage) {
        var locale = chosen != null ? StorefrontLocale.forTag(chosen) : fromAcceptLanguage(acceptLanguage);
        var redirect = new RedirectView("/" + locale.path() + "/");
        redirect.setStatusCode(HttpStatus.FOUND);
        return redirect;
    }

    @GetMapping("/{locale}/")
    ModelAndView home(@PathVariable String locale, Model model) {
        var page = StorefrontLocale.fromPath(locale).orElse(null);
        if (page == null) {
            var notFound = new ModelAndView("storefront/not-found", HttpStatus.NOT_FOUND);
            notFound.addObject("page", StorefrontLocale.SITE_DEFAULT);
            notFound.addObject("pageLocale", StorefrontLocale.SITE_DEFAULT.locale());
            return notFound;
        }
        var format = NumberFormat.getCurrencyInstance(ULocale.forLocale(page.locale()));
        List<Card> cards = catalog.listForShoppers(page.market(), page.language()).stream().map(product -> {
            var currencyFormat = (NumberFormat) format.clone();
            currencyFormat.setCurrency(com.ibm.icu.util.Currency.getInstance(product.currency().getCurrencyCode()));
            return new Card(product, currencyFormat.format(product.price()));
        }).toList();
        var view = new ModelAndView("storefront/home");
        view.addObject("page", page);
        view.addObject("pageLocale", page.locale());
        view.addObject("cards", cards);
        view.addObject("alternates", Arrays.stream(StorefrontLocale.values())
                .map(l -> new Alternate("/" + l.path() + "/", l.locale().getDisplayLanguage(l.locale()) + " (" + l.market() + ")",
                        l.language() + "-" + l.market()))
                .toList());
        return view;
    }

    private static StorefrontLocale fromAcceptLanguage(String header) {
        if (header == null || header.length() > 4096) {
            return StorefrontLocale.SITE_DEFAULT;
        }
        try {
            var ranges = java.util.Locale.LanguageRange.parse(header);
            for (var range : ranges) {
                if (range.getWeight() > 0 && !range.getRange().equals("*")) {
                    return StorefrontLocale.forTag(range.getRange());
                }
            }
        } catch (IllegalArgumentException malformed) {
            // A malformed header is a shopper we cannot read: they get the site default, not an error.
        }
        return StorefrontLocale.SITE_DEFAULT;
    }
}
