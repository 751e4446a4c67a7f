package dev.onshore.was.storefront;

import dev.onshore.was.catalog.ProductCatalog;
import dev.onshore.was.cms.ResolvedPage;
import dev.onshore.was.cms.SiteContent;
import java.time.Clock;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/** Home page per locale; the bare root sends the shopper to the locale the gateway suggests for them. */
@Controller
class StorefrontController {

    /** One CMS item ready for the home template: product lists and hot deals come with their formatted cards. */
    public record HomeBlock(ResolvedPage.Block block, List<PageFrame.Card> cards) {

        public String type() {
            return switch (block) {
                case ResolvedPage.Banner b -> "banner";
                case ResolvedPage.Products p -> "products";
                case ResolvedPage.Html h -> "html";
                case ResolvedPage.Text t -> "text";
                case ResolvedPage.HotDeal d -> "hot-deal";
            };
        }
    }

    /** A corner of the home page's template and its items, highest priority first. */
    public record HomeCorner(String name, List<HomeBlock> blocks) {
    }

    private final ProductCatalog catalog;
    private final SiteContent content;
    private final PageFrame pages;
    private final StorefrontLocales locales;
    private final Clock clock;

    StorefrontController(ProductCatalog catalog, SiteContent content, PageFrame pages, StorefrontLocales locales,
            Clock clock) {
        this.catalog = catalog;
        this.content = content;
        this.pages = pages;
        this.locales = locales;
        this.clock = clock;
    }

    /**
     * The only page that picks a market: the edge's suggestion (the saved choice, then Accept-Language, then GeoIP);
     * without one, the site default, the page the {@code x-default} hreflang names. A request that did not come
     * through the edge has only its Accept-Language.
     */
    @GetMapping("/")
    RedirectView root(@RequestHeader(name = Suggestions.COUNTRY, required = false) @Nullable String country,
            @RequestHeader(name = Suggestions.LOCALE, required = false) @Nullable String suggested,
            @RequestHeader(name = Suggestions.SOURCE, required = false) @Nullable String source,
            @RequestHeader(name = "Accept-Language", required = false) @Nullable String acceptLanguage) {
        StorefrontLocale locale;
        if (suggested != null) {
            locale = locales.forShopper(country, suggested);
        } else if (source != null) {
            locale = locales.siteDefault();
        } else {
            locale = locales.forAcceptLanguage(acceptLanguage);
        }
        var redirect = new RedirectView("/" + locale.path() + "/");
        redirect.setStatusCode(HttpStatus.FOUND);
        return redirect;
    }

    @GetMapping("/{locale}/")
    ModelAndView home(@PathVariable String locale) {
        var page = locales.fromPath(locale).orElse(null);
        if (page == null) {
            return pages.notFound(locales.siteDefault());
        }
        var view = pages.page("storefront/home", page, "");
        var cms = content.resolve(page.market(), page.language(), SiteContent.HOME, clock.instant()).orElse(null);
        if (cms == null) {
            // A market without a CMS home page still gets a useful one: everything it can buy.
            view.addObject("cards", pages.cards(catalog.listForShoppers(page.market(), page.language()), page));
            return view;
        }
        view.addObject("corners", cms.corners().stream().map(corner -> new HomeCorner(corner.name(),
                corner.blocks().stream().map(block -> new HomeBlock(block, switch (block) {
                    case ResolvedPage.Products list -> pages.cards(list.products(), page);
                    case ResolvedPage.HotDeal deal -> pages.cards(List.of(deal.product()), page);
                    default -> List.<PageFrame.Card>of();
                })).toList())).filter(corner -> !corner.blocks().isEmpty()).toList());
        return view;
    }

    /**
     * Any other page under a locale: the localized 404 with the header, search and switcher, never the framework's
     * bare error page (more specific mappings win; only locale-shaped first segments, so static files are untouched).
     */
    @GetMapping("/{locale:[a-z]{2,3}-[a-z]{2}}/**")
    ModelAndView unknown(@PathVariable String locale) {
        return pages.notFound(locales.fromPath(locale).orElse(locales.siteDefault()));
    }
}
