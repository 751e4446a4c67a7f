package dev.onshore.was.cms;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.onshore.was.catalog.ProductView;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A page as one shopper sees it at one moment: every corner of its template with the items live then, in the
 * shopper's language (or the fallback), highest priority first, products resolved for the market.
 *
 * @param at the moment it was resolved for (now, or the future date of a preview)
 */
public record ResolvedPage(String market, String language, String pageKey, PageTemplate template, Instant at,
        List<Corner> corners) {

    public ResolvedPage {
        corners = List.copyOf(corners);
    }

    /** The blocks of {@code name}, empty when the corner has none. */
    public List<Block> corner(String name) {
        return corners.stream().filter(c -> c.name().equals(name)).findFirst().map(Corner::blocks).orElse(List.of());
    }

    public record Corner(String name, List<Block> blocks) {
        public Corner {
            blocks = List.copyOf(blocks);
        }
    }

    /**
     * One item ready to show.
     */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({@JsonSubTypes.Type(value = Banner.class, name = "banner"),
            @JsonSubTypes.Type(value = Products.class, name = "product-list"),
            @JsonSubTypes.Type(value = Html.class, name = "html"),
            @JsonSubTypes.Type(value = Text.class, name = "text"),
            @JsonSubTypes.Type(value = HotDeal.class, name = "hot-deal")})
    public sealed interface Block {

        UUID itemId();

        /** The language the item was written for; {@code *} for every language. */
        String language();

        int priority();
    }

    /** @param alt the alternative text in the page's language (English as fallback), empty when decorative */
    public record Banner(UUID itemId, String language, int priority, String image, @Nullable String link,
            String alt) implements Block {
    }

    public record Products(UUID itemId, String language, int priority, String title, List<ProductView> products)
            implements Block {
        public Products {
            products = List.copyOf(products);
        }
    }

    /** @param html sanitized */
    public record Html(UUID itemId, String language, int priority, String html) implements Block {
    }

    public record Text(UUID itemId, String language, int priority, String text) implements Block {
    }

    public record HotDeal(UUID itemId, String language, int priority, String title, ProductView product)
            implements Block {
    }
}
