package dev.onshore.was.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What operators do with products beyond the approval workflow: find them page by page, read one whole, create one,
 * and change its basics, texts and offers. Every change names the version the operator edited; a product changed
 * since is refused with {@link StaleProductException} and nothing is saved.
 */
public interface ProductAdministration {

    /**
     * A search of the catalogue as operators filter it; every filter is optional (null).
     *
     * @param text part of the SKU or of a name in any language
     * @param category a category code; its sub-categories match too
     * @param market products offered in this market (ISO country code)
     * @param page from 0
     * @param size 1 to 100
     */
    record ProductQuery(@Nullable String text, @Nullable ProductStatus status, @Nullable String category,
            @Nullable String brand, @Nullable String market, String language, int page, int size) {
    }

    /**
     * One line of the operators' product list.
     *
     * @param name in the requested language, else English
     * @param thumbnail the main image's URL, null without images
     * @param markets the markets it is offered in, sorted
     */
    record ProductRow(String sku, String brand, String name, ProductStatus status, @Nullable String category,
            List<String> markets, @Nullable String thumbnail, BigDecimal basePrice, String baseCurrency,
            Instant updatedAt) {
    }

    /** One page of rows and how many products match in all. */
    record ProductPage(List<ProductRow> items, int page, int size, long total) {
    }

    /** A product's texts in one language; the description is rich text, sanitized when stored. */
    record Texts(String name, @Nullable String summary, @Nullable String description, @Nullable String ingredients,
            @Nullable String usage, @Nullable String warnings) {
    }

    /**
     * A market offer as operators enter it: a list price (with an optional sale in a window), or a price converted
     * from the base price ({@code pricing = CONVERTED}, no list price).
     */
    record OfferInput(@Nullable String currency, @Nullable OfferPricing pricing, @Nullable BigDecimal listPrice,
            @Nullable BigDecimal salePrice, @Nullable Instant saleStartsAt, @Nullable Instant saleEndsAt,
            @Nullable Integer maxPerOrder, @Nullable Availability availability) {
    }

    /**
     * An offer as stored, with the price a shopper there would pay now.
     *
     * @param localPrice what the price comes to now in the market's currency (converted or on sale), null when it
     *     cannot be computed (a stale or missing rate)
     */
    record OfferView(String currency, OfferPricing pricing, @Nullable BigDecimal listPrice,
            @Nullable BigDecimal salePrice, @Nullable Instant saleStartsAt, @Nullable Instant saleEndsAt,
            int maxPerOrder, Availability availability, @Nullable BigDecimal localPrice, boolean sellable) {
    }

    /**
     * The regulatory data of one market and what that market's regulator requires.
     *
     * @param required the attribute names the market requires (empty: none)
     * @param problems per attribute, what is missing or invalid now (code: required, pattern, date, ...)
     */
    record RegulatoryView(Map<String, String> attributes, List<String> required, Map<String, String> problems) {
    }

    /** Everything an operator edits on a product, with the version the edit must name. */
    record ProductSheet(String sku, String brand, @Nullable String category, BigDecimal basePrice,
            String baseCurrency, ProductStatus status, long version, @Nullable String submittedBy,
            @Nullable Instant submittedAt, @Nullable String approvedBy, @Nullable Instant approvedAt,
            Map<String, Texts> translations, Map<String, Integer> completeness, Map<String, OfferView> offers,
            Map<String, RegulatoryView> regulatory, List<ProductImageView> images, List<LifecycleEntry> lifecycle,
            Instant updatedAt) {
    }

    /** A new product: a draft with its English name. */
    record NewProduct(@Nullable String sku, @Nullable String brand, @Nullable String category,
            @Nullable BigDecimal basePrice, @Nullable String baseCurrency, @Nullable String name) {
    }

    /** The basics of a product. */
    record Basics(@Nullable String brand, @Nullable String category, @Nullable BigDecimal basePrice,
            @Nullable String baseCurrency) {
    }

    ProductPage search(ProductQuery query);

    /** @throws UnknownProductException when no product has the SKU */
    ProductSheet sheet(Sku sku, String language);

    /**
     * Creates a draft.
     *
     * @throws InvalidProductException with one violation per field; nothing is saved
     */
    ProductSheet create(NewProduct product, Operator operator);

    /** @throws StaleProductException when {@code version} is no longer the product's */
    ProductSheet changeBasics(Sku sku, long version, Basics basics, Operator operator);

    /** Replaces the texts in {@code language}. */
    ProductSheet translate(Sku sku, long version, String language, Texts texts, Operator operator);

    /** Replaces the offer in {@code market}. */
    ProductSheet offer(Sku sku, long version, String market, OfferInput offer, Operator operator);

    /**
     * Replaces the regulatory data of {@code market}.
     *
     * @throws InvalidRegulatoryDataException with one violation per attribute; nothing saved
     */
    ProductSheet recordRegulatory(Sku sku, long version, String market, Map<String, String> attributes,
            Operator operator);

    /** Withdraws the offer in {@code market}: the product is no longer sold there. */
    ProductSheet withdrawOffer(Sku sku, long version, String market, Operator operator);
}
