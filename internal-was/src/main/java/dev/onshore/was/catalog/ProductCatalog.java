package dev.onshore.was.catalog;

import java.util.List;

/** What other areas and the web adapters may ask of the catalog. */
public interface ProductCatalog {

    /** Published products offered in {@code market}, in {@code language} (falling back to English), by SKU. */
    List<ProductView> listForShoppers(String market, String language);

    /** Every product regardless of status, for operators, in {@code language}, with base prices. */
    List<ProductView> listForOperators(String language);

    /** Makes a draft or suspended product visible to shoppers. */
    ProductView publish(Sku sku);

    /** Takes a published product off sale. */
    ProductView suspend(Sku sku);
}
