package dev.onshore.was.storefront;

import dev.onshore.i18n.time.ViewerTime;
import dev.onshore.was.catalog.ProductCatalog;
import dev.onshore.was.catalog.ProductSearch;
import dev.onshore.was.catalog.Sku;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
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
    private static final Pattern PRICE = Pattern.compile("[0-9]{1,12}-[0-9]{0,12}");
    /** The index keeps prices at four decimals: an exclusive upper bound is this much below it, inclusive. */
    private static final BigDecimal SMALLEST_INDEXED = new BigDecimal("0.0001");

    /** A price-range filter: its parameter value ({@code 0-200000}), its bounds in the market's format, its count. */
    public record PriceFacet(String value, String label, long count) {
    }

    private final ProductCatalog catalog;
    private final ProductSearch search;
    private final PageFrame pages;
    private final PublicUrls urls;
    private final StorefrontLocales locales;
    private final MessageSource messages;
    private final StructuredData structuredData;
    private final dev.onshore.was.catalog.BrandFaces brandFaces;

    CatalogPages(ProductCatalog catalog, ProductSearch search, PageFrame pages, PublicUrls urls,
            StorefrontLocales locales, MessageSource messages, StructuredData structuredData, dev.onshore.was.catalog.BrandFaces brandFaces) {
        this.brandFaces = brandFaces;
        this.messages = messages;
        this.structuredData = structuredData;
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
        var here = "p/" + detail.sku();
        var category = detail.categoryPath().isEmpty() ? null : detail.categoryPath().getLast().code();
        var sold = new java.util.HashMap<StorefrontLocale, String>();
        // Where the product is not sold, the switcher opens its category there (or the home page), never a 404.
        var view = pages.page("storefront/product", page, here, other -> sold.computeIfAbsent(other,
                l -> l.equals(page) || catalog.findForShopper(parsed, l.market(), l.language(), null).isPresent() ? here
                        : category != null ? "c/" + category : ""));
        view.addObject("product", detail);
        view.addObject("structuredData", structuredData.product(page, detail));
        view.addObject("price", PageFrame.format(detail.price(), detail.currency(), page.locale()));
        view.addObject("listPrice", PageFrame.format(detail.listPrice(), detail.currency(), page.locale()));
        view.addObject("brandSlug", PageFrame.brandSlug(detail.brand()));
        view.addObject("brandName", brandFaces.face(detail.brand(), page.language()).displayName());
        view.addObject("variantPrices", detail.variants().stream().filter(v -> v.price() != null)
                .collect(java.util.stream.Collectors.toMap(v -> v.suffix(),
                        v -> PageFrame.format(v.price(), detail.currency(), page.locale()))));
        view.addObject("saleEnds", detail.saleEndsAt() == null ? null
                : ViewerTime.dateTime(detail.saleEndsAt(), PageFrame.zone(timeZone, page), page.locale()));
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
        var trail = catalog.categoryPath(category.code(), pageLocale.language());
        view.addObject("path", trail);
        view.addObject("structuredData", structuredData.category(pageLocale, trail));
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
        var face = brandFaces.face(brand, pageLocale.language());
        view.addObject("heading", face.displayName());
        view.addObject("brandFace", face);
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
        // The filter form submits its empty fields (category=&price=): an empty filter is no filter.
        category = blankToNull(category);
        brand = blankToNull(brand);
        price = blankToNull(price);
        BigDecimal min = null;
        BigDecimal max = null;
        if (price != null && PRICE.matcher(price).matches()) {
            var bounds = price.split("-", -1);
            min = new BigDecimal(bounds[0]);
            // Facet ranges include their lower bound and exclude their upper one; the search's bounds are inclusive.
            max = bounds[1].isEmpty() ? null : new BigDecimal(bounds[1]).subtract(SMALLEST_INDEXED);
        }
        var refused = text.length() > ProductSearch.MAX_QUERY_LENGTH ? "badrequest.query"
                : category != null && category.length() > 120 ? "badrequest.category"
                : brand != null && brand.length() > 80 ? "badrequest.brand"
                : price != null && (min == null || (max != null && max.compareTo(min) < 0)) ? "badrequest.price"
                : null;
        if (refused != null) {
            return pages.badRequest(pageLocale, refused);
        }
        var view = listing(pageLocale, "search", text, category, brand, min, max, sort, page);
        view.addObject("query", text);
        view.addObject("price", price);
        view.addObject("heading", null);
        view.addObject("priceFacets", priceFacets(view, pageLocale));
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
        view.addObject("brandNames", brandFaces.displayNames(locale.language()));
        view.addObject("brandSlugs", catalog.brands().stream()
                .collect(java.util.stream.Collectors.toMap(name -> name, PageFrame::brandSlug)));
        return view;
    }

    private List<PriceFacet> priceFacets(ModelAndView view, StorefrontLocale page) {
        var result = (ProductSearch.Page) view.getModel().get("result");
        var currency = page.settings().currency();
        return result.priceRanges().stream().map(range -> {
            var bounds = range.value().split("-", -1);
            var low = PageFrame.format(new BigDecimal(bounds[0]), currency, page.locale());
            var label = bounds[1].isEmpty()
                    ? messages.getMessage("facets.price.over", new Object[] {low}, page.locale())
                    : low + " – " + PageFrame.format(new BigDecimal(bounds[1]), currency, page.locale());
            return new PriceFacet(range.value(), label, range.count());
        }).toList();
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
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
}
