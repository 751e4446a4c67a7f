package dev.onshore.was.storefront;

import dev.onshore.i18n.time.ViewerTime;
import dev.onshore.was.catalog.ProductCatalog;
import dev.onshore.was.catalog.ProductSearch;
import dev.onshore.was.catalog.Sku;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.HtmlUtils;

/** Product detail, category, brand and search result pages, and the sitemaps. */
@Controller
class CatalogPages {

    /** Control and format characters (bidi marks and overrides, zero-width joiners): never part of a search. */
    private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cc}\\p{Cf}]+");
    private static final int MAX_PAGE = 100;

    private final ProductCatalog catalog;
    private final ProductSearch search;
    private final PageFrame pages;
    private final PublicUrls urls;
    private final StorefrontLocales locales;

    CatalogPages(ProductCatalog catalog, ProductSearch search, PageFrame pages, PublicUrls urls,
            StorefrontLocales locales) {
        this.catalog = catalog;
        this.search = search;
        this.pages = pages;
        this.urls = urls;
        this.locales = locales;
    }

    @GetMapping("/{locale}/p/{sku}")
    ModelAndView product(@PathVariable String locale, @PathVariable String sku,
            @RequestParam(required = false) @Nullable String variant,
            @RequestHeader(name = "X-Onshore-TimeZone", required = false) @Nullable String timeZone) {
        var page = locales.fromPath(locale).orElse(null);
        if (page == null) {
            return pages.notFound(locales.siteDefault());
        }
        var parsed = Sku.parseOrNull(sku);
        var detail = parsed == null ? null
                : catalog.findForShopper(parsed, page.market(), page.language(),
                        variant != null && variant.matches("[A-Z0-9]{1,12}") ? variant : null).orElse(null);
        if (detail == null) {
            return pages.notFound(page);
        }
        var view = pages.page("storefront/product", page, "p/" + detail.sku());
        view.addObject("product", detail);
        view.addObject("price", PageFrame.format(detail.price(), detail.currency(), page.locale()));
        view.addObject("listPrice", PageFrame.format(detail.listPrice(), detail.currency(), page.locale()));
        view.addObject("brandSlug", PageFrame.brandSlug(detail.brand()));
        view.addObject("variantPrices", detail.variants().stream().filter(v -> v.price() != null)
                .collect(java.util.stream.Collectors.toMap(v -> v.suffix(),
                        v -> PageFrame.format(v.price(), detail.currency(), page.locale()))));
        view.addObject("saleEnds", detail.saleEndsAt() == null ? null
                : ViewerTime.dateTime(detail.saleEndsAt(), zone(timeZone, page), page.locale()));
        return view;
    }

    @GetMapping("/{locale}/c/{code}")
    ModelAndView category(@PathVariable String locale, @PathVariable String code,
            @RequestParam(defaultValue = "RELEVANCE") String sort, @RequestParam(defaultValue = "1") String page) {
        var pageLocale = locales.fromPath(locale).orElse(null);
        if (pageLocale == null) {
            return pages.notFound(locales.siteDefault());
        }
        var category = catalog.category(code, pageLocale.language()).orElse(null);
        if (category == null) {
            return pages.notFound(pageLocale);
        }
        var view = listing(pageLocale, "c/" + category.code(), "", category.code(), null, null, null, sort, page);
        view.addObject("heading", category.name());
        view.addObject("category", category);
        view.addObject("path", catalog.categoryPath(category.code(), pageLocale.language()));
        return view;
    }

    @GetMapping("/{locale}/brands/{slug}")
    ModelAndView brand(@PathVariable String locale, @PathVariable String slug,
            @RequestParam(defaultValue = "RELEVANCE") String sort, @RequestParam(defaultValue = "1") String page) {
        var pageLocale = locales.fromPath(locale).orElse(null);
        if (pageLocale == null) {
            return pages.notFound(locales.siteDefault());
        }
        var brand = catalog.brands().stream().filter(name -> PageFrame.brandSlug(name).equals(slug)).findFirst()
                .orElse(null);
        if (brand == null) {
            return pages.notFound(pageLocale);
        }
        var view = listing(pageLocale, "brands/" + slug, "", null, brand, null, null, sort, page);
        view.addObject("heading", brand);
        return view;
    }

    @GetMapping("/{locale}/search")
    ModelAndView search(@PathVariable String locale, @RequestParam(defaultValue = "") String q,
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable String brand,
            @RequestParam(required = false) @Nullable String price,
            @RequestParam(defaultValue = "RELEVANCE") String sort, @RequestParam(defaultValue = "1") String page) {
        var pageLocale = locales.fromPath(locale).orElse(null);
        if (pageLocale == null) {
            return pages.notFound(locales.siteDefault());
        }
        var text = INVISIBLE.matcher(q).replaceAll(" ").strip();
        if (text.length() > ProductSearch.MAX_QUERY_LENGTH || (category != null && category.length() > 120)
                || (brand != null && brand.length() > 80) || (price != null && !price.matches("[0-9]{1,12}-[0-9]{0,12}"))) {
            return pages.badRequest(pageLocale);
        }
        BigDecimal min = null;
        BigDecimal max = null;
        if (price != null) {
            var bounds = price.split("-", -1);
            min = new BigDecimal(bounds[0]);
            max = bounds[1].isEmpty() ? null : new BigDecimal(bounds[1]);
        }
        var view = listing(pageLocale, "search", text, category, brand, min, max, sort, page);
        view.addObject("query", text);
        view.addObject("price", price);
        view.addObject("heading", null);
        // Result pages of arbitrary queries are not content: keep them out of search engines.
        view.addObject("noindex", true);
        return view;
    }

    private ModelAndView listing(StorefrontLocale locale, String rest, String text, @Nullable String category,
            @Nullable String brand, @Nullable BigDecimal min, @Nullable BigDecimal max, String sortName,
            String pageNumber) {
        var sort = Arrays.stream(ProductSearch.Sort.values()).filter(s -> s.name().equalsIgnoreCase(sortName))
                .findFirst().orElse(ProductSearch.Sort.RELEVANCE);
        int number = pageNumber.matches("[0-9]{1,3}") ? Math.clamp(Integer.parseInt(pageNumber), 1, MAX_PAGE) : 1;
        var result = search.search(new ProductSearch.Request(locale.market(), locale.language(), text, category,
                brand, min, max, sort, number));
        var view = pages.page("storefront/listing", locale, rest);
        view.addObject("result", result);
        view.addObject("cards", pages.cards(result.hits(), locale));
        view.addObject("sort", sort.name());
        view.addObject("brandFilter", brand);
        view.addObject("categoryFilter", category);
        view.addObject("brandSlugs", catalog.brands().stream()
                .collect(java.util.stream.Collectors.toMap(name -> name, PageFrame::brandSlug)));
        return view;
    }

    /** The sitemap index: one sitemap per locale. */
    @GetMapping(value = "/sitemap.xml", produces = MediaType.APPLICATION_XML_VALUE)
    ResponseEntity<String> sitemapIndex() {
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for (var locale : locales.all()) {
            xml.append("  <sitemap><loc>").append(HtmlUtils.htmlEscape(urls.page(locale, "sitemap.xml")))
                    .append("</loc></sitemap>\n");
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(xml.append("</sitemapindex>\n").toString());
    }

    /** Home, every category, brand and product sellable in the locale's market, with hreflang alternates. */
    @GetMapping(value = "/{locale}/sitemap.xml", produces = MediaType.APPLICATION_XML_VALUE)
    ResponseEntity<String> sitemap(@PathVariable String locale) {
        var page = locales.fromPath(locale).orElse(null);
        if (page == null) {
            return ResponseEntity.notFound().build();
        }
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\""
                + " xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n");
        url(xml, page, "");
        for (var top : catalog.categories(page.language())) {
            categoryUrls(xml, page, top);
        }
        for (var brand : catalog.brands()) {
            url(xml, page, "brands/" + PageFrame.brandSlug(brand));
        }
        for (var product : catalog.listForShoppers(page.market(), page.language())) {
            url(xml, page, "p/" + product.sku());
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(xml.append("</urlset>\n").toString());
    }

    private void categoryUrls(StringBuilder xml, StorefrontLocale page, dev.onshore.was.catalog.CategoryView category) {
        url(xml, page, "c/" + category.code());
        category.children().forEach(child -> categoryUrls(xml, page, child));
    }

    private void url(StringBuilder xml, StorefrontLocale page, String rest) {
        xml.append("  <url><loc>").append(HtmlUtils.htmlEscape(urls.page(page, rest))).append("</loc>");
        for (var other : locales.all()) {
            xml.append("<xhtml:link rel=\"alternate\" hreflang=\"").append(other.language()).append('-')
                    .append(other.market()).append("\" href=\"")
                    .append(HtmlUtils.htmlEscape(urls.page(other, rest))).append("\"/>");
        }
        xml.append("</url>\n");
    }

    private static ZoneId zone(@Nullable String header, StorefrontLocale page) {
        if (header != null && header.length() <= 64) {
            try {
                return ZoneId.of(header);
            } catch (RuntimeException invalid) {
                // The gateway's header is advice: an unknown zone falls back to the market's.
            }
        }
        return page.settings().zone();
    }
}
