package dev.onshore.was.storefront;

import dev.onshore.was.catalog.ProductCatalog;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/** Home page per locale; the bare root sends the shopper to the locale the gateway chose for them. */
@Controller
class StorefrontController {

    private final ProductCatalog catalog;
    private final PageFrame pages;

    StorefrontController(ProductCatalog catalog, PageFrame pages) {
        this.catalog = catalog;
        this.pages = pages;
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
    ModelAndView home(@PathVariable String locale) {
        var page = StorefrontLocale.fromPath(locale).orElse(null);
        if (page == null) {
            return pages.notFound(StorefrontLocale.SITE_DEFAULT);
        }
        var view = pages.page("storefront/home", page, "");
        view.addObject("cards", pages.cards(catalog.listForShoppers(page.market(), page.language()), page));
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
