package dev.onshore.was.cms;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** What an operator puts into a corner; stored as JSON with its {@code type}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(value = ItemContent.Banner.class, name = "banner"),
        @JsonSubTypes.Type(value = ItemContent.ProductList.class, name = "product-list"),
        @JsonSubTypes.Type(value = ItemContent.Html.class, name = "html"),
        @JsonSubTypes.Type(value = ItemContent.Text.class, name = "text"),
        @JsonSubTypes.Type(value = ItemContent.HotDeal.class, name = "hot-deal")})
public sealed interface ItemContent {

    /** Same-origin paths only: the pages' CSP allows nothing else, and an operator typo must not link away. */
    Pattern LOCAL_PATH = Pattern.compile("/[A-Za-z0-9._~/-]{0,200}");

    /**
     * A banner image.
     *
     * @param image a path on this site ({@code /img/cms/hero.svg})
     * @param link where it leads (a path on this site), null for none
     * @param alt the alternative text per language; an absent language falls back to English, then to none
     *     (decorative)
     */
    record Banner(String image, @Nullable String link, Map<String, String> alt) implements ItemContent {
        public Banner {
            if (!LOCAL_PATH.matcher(image).matches() || (link != null && !LOCAL_PATH.matcher(link).matches())) {
                throw new IllegalArgumentException("Banner image and link are paths on this site");
            }
            alt = Map.copyOf(alt);
        }
    }

    /** How a product list is filled. */
    enum Rule {
        /** The SKUs listed, in that order. */
        MANUAL,
        /** Products in a category or below it ({@code value} is the category code). */
        CATEGORY,
        /** Products of a brand ({@code value} is its name). */
        BRAND,
        /** The market's best-sellers: a configured ranking until orders exist. */
        BEST_SELLERS
    }

    /**
     * A list of product cards; products not sellable in the market are left out.
     *
     * @param skus for {@link Rule#MANUAL}, in display order; ignored otherwise
     * @param value the category code or brand name for those rules
     * @param limit at most this many cards (1-24)
     */
    record ProductList(String title, Rule rule, List<String> skus, @Nullable String value, int limit)
            implements ItemContent {
        public ProductList {
            skus = List.copyOf(skus);
            if (limit < 1 || limit > 24) {
                throw new IllegalArgumentException("A product list shows 1 to 24 products");
            }
            if ((rule == Rule.CATEGORY || rule == Rule.BRAND) && (value == null || value.isBlank())) {
                throw new IllegalArgumentException("A " + rule + " list names its " + rule.name().toLowerCase());
            }
            if (rule == Rule.MANUAL && skus.isEmpty()) {
                throw new IllegalArgumentException("A manual list names its SKUs");
            }
        }
    }

    /** Rich text; sanitized against an allow-list before it is stored and again before it is shown. */
    record Html(String html) implements ItemContent {
    }

    /** Plain text, escaped when shown. */
    record Text(String text) implements ItemContent {
    }

    /** A hot deal: until hot deals exist, a placeholder card linking to the product. */
    record HotDeal(String title, String sku) implements ItemContent {
    }
}
