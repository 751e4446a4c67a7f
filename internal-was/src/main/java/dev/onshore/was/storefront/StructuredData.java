package dev.onshore.was.storefront;

import dev.onshore.was.catalog.Availability;
import dev.onshore.was.catalog.CategoryView;
import dev.onshore.was.catalog.ProductDetail;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * schema.org data for search engines (JSON-LD): a product page's {@code Product} with its {@code Offer} in the page's
 * market (the shelf price and currency shoppers there pay) and the category trail as a {@code BreadcrumbList}; a
 * category page's trail. URLs are the public ones, like the canonical link.
 */
@Component
class StructuredData {

    private final JsonMapper json;
    private final PublicUrls urls;

    StructuredData(JsonMapper json, PublicUrls urls) {
        this.json = json;
        this.urls = urls;
    }

    /** A JSON-LD array, safe inside a {@code <script>} element. */
    String product(StorefrontLocale page, ProductDetail product) {
        var offer = new LinkedHashMap<String, Object>();
        offer.put("@type", "Offer");
        offer.put("url", urls.page(page, "p/" + product.sku()));
        offer.put("price", product.price().stripTrailingZeros().toPlainString());
        offer.put("priceCurrency", product.currency().getCurrencyCode());
        offer.put("availability", product.availability() == Availability.IN_STOCK ? "https://schema.org/InStock"
                : product.availability() == Availability.OUT_OF_STOCK ? "https://schema.org/OutOfStock"
                : "https://schema.org/Discontinued");
        var item = new LinkedHashMap<String, Object>();
        item.put("@context", "https://schema.org");
        item.put("@type", "Product");
        item.put("name", product.name());
        item.put("sku", product.sku());
        item.put("description", product.summary());
        item.put("brand", Map.of("@type", "Brand", "name", product.brand()));
        if (!product.images().isEmpty()) {
            item.put("image", product.images().stream().map(image -> absolute(page, image.url())).toList());
        }
        item.put("offers", offer);
        var all = new ArrayList<Object>();
        all.add(item);
        if (!product.categoryPath().isEmpty()) {
            all.add(breadcrumbs(page, product.categoryPath()));
        }
        return write(all);
    }

    /** A JSON-LD {@code BreadcrumbList} of a category's trail, safe inside a {@code <script>} element. */
    String category(StorefrontLocale page, List<CategoryView> trail) {
        return write(List.of(breadcrumbs(page, trail)));
    }

    private Map<String, Object> breadcrumbs(StorefrontLocale page, List<CategoryView> trail) {
        var items = new ArrayList<Object>();
        for (int i = 0; i < trail.size(); i++) {
            var step = trail.get(i);
            var element = new LinkedHashMap<String, Object>();
            element.put("@type", "ListItem");
            element.put("position", i + 1);
            element.put("name", step.name());
            element.put("item", urls.page(page, "c/" + step.code()));
            items.add(element);
        }
        var list = new LinkedHashMap<String, Object>();
        list.put("@context", "https://schema.org");
        list.put("@type", "BreadcrumbList");
        list.put("itemListElement", items);
        return list;
    }

    private String absolute(StorefrontLocale page, String url) {
        return url.startsWith("/") ? urls.origin(page.market()) + url : url;
    }

    private String write(Object value) {
        // "</" would end the script element early; JSON allows "<\/".
        return json.writeValueAsString(value).replace("</", "<\\/");
    }
}
