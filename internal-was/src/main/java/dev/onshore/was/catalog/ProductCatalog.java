package dev.onshore.was.catalog;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** What other areas and the web adapters may ask of the catalog. */
public interface ProductCatalog {

    /** Published products offered in {@code market}, in {@code language} (falling back to English), by SKU. */
    List<ProductView> listForShoppers(String market, String language);

    /**
     * The cards of {@code skus} for a shopper of {@code market}, in the order given; products unknown, unpublished
     * or not sellable there are left out. For hand-picked lists (CMS corners, hot deals).
     */
    List<ProductView> findForShoppers(List<Sku> skus, String market, String language);

    /** The product page's content, empty when the product is unknown or not sellable in {@code market}. */
    default Optional<ProductDetail> findForShopper(Sku sku, String market, String language) {
        return findForShopper(sku, market, language, null);
    }

    /**
     * The product page's content with {@code variant} (a suffix) selected; an unknown or unbuyable suffix, or null,
     * selects the first buyable variant. Empty when the product is unknown or not sellable in {@code market}.
     */
    Optional<ProductDetail> findForShopper(Sku sku, String market, String language, @Nullable String variant);

    /**
     * {@link #findForShopper(Sku, String, String)} for several products at once (a cart's lines), in a few queries
     * whatever their number: the details by SKU, without the products that one would not find. Never null.
     */
    Map<String, ProductDetail> findAllForShopper(java.util.Collection<Sku> skus, String market, String language);

    /** The category tree (top level first, children by position) in {@code language}, falling back to English. */
    List<CategoryView> categories(String language);

    /** One category and its children, empty when unknown. Its ancestors are {@link #categoryPath}. */
    Optional<CategoryView> category(String code, String language);

    /** From the top category down to {@code code}; empty when unknown. */
    List<CategoryView> categoryPath(String code, String language);

    /** Every brand name, sorted. */
    List<String> brands();

    /**
     * Replaces the product's regulatory attributes for {@code market} after validating them against the market's
     * schema. Throws {@link InvalidRegulatoryDataException} (nothing saved) when they do not satisfy it.
     */
    void recordRegulatory(Sku sku, String market, Map<String, String> attributes);

    /** Per language, the share (0-100) of the product's texts that are filled in. */
    Map<String, Integer> completeness(Sku sku);

    /** Every product regardless of status, for operators, in {@code language}, with base prices. */
    List<OperatorProductView> listForOperators(String language);

    /**
     * Every product's SKU and every variant's own SKU (the product's plus {@code -suffix}), whatever their status or
     * markets, sorted by the database, without loading products: what stock can be kept for.
     */
    List<String> stockKeepingUnits();

    /** The product's life-cycle log, oldest first. */
    List<LifecycleEntry> lifecycle(Sku sku);

    /** Submits a draft for approval by another operator. */
    OperatorProductView submit(Sku sku, Operator operator);

    /**
     * Approves a product pending approval.
     *
     * @throws SelfApprovalException when {@code operator} submitted it
     */
    OperatorProductView approve(Sku sku, Operator operator);

    /** Sends a product pending approval back to draft, with a reason (1 to 500 characters). */
    OperatorProductView reject(Sku sku, Operator operator, String reason);

    /** Makes an approved or suspended product visible to shoppers. */
    OperatorProductView publish(Sku sku, Operator operator);

    /** Takes a published product off sale. */
    OperatorProductView suspend(Sku sku, Operator operator);

    /**
     * The first moment after {@code after} at which a shopper-visible price changes by itself (a sale starts or
     * ends); empty when none is scheduled. Whatever caches rendered pages must not keep them past it.
     */
    java.util.Optional<java.time.Instant> nextScheduledChange(java.time.Instant after);
}
