package dev.onshore.was.catalog.internal;

import dev.onshore.was.catalog.ProductStatus;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

/** All products. */
public interface Products extends ListCrudRepository<Product, UUID> {

    Optional<Product> findBySku(String sku);

    List<Product> findBySkuIn(java.util.Collection<String> skus);

    boolean existsBySku(String sku);

    List<Product> findByStatusOrderBySku(ProductStatus status);

    List<Product> findAllByOrderBySku();

    /** Every brand, without loading products (pages ask for it on every listing). */
    @org.springframework.data.jpa.repository.Query("select distinct p.brand from Product p order by p.brand")
    List<String> findBrands();

    /** The products of one brand, by SKU; the database's collation decides what equals {@code brand}. */
    List<Product> findByBrandOrderBySku(String brand);

    /** Per brand and status, how many products: rows of brand, {@link ProductStatus} and count. */
    @org.springframework.data.jpa.repository.Query("select p.brand, p.status, count(p) from Product p"
            + " group by p.brand, p.status")
    List<Object[]> countByBrandAndStatus();

    /** The earliest sale start or end after {@code after} in any market: when some price next changes by itself. */
    @org.springframework.data.jpa.repository.Query("select min(case when o.saleStartsAt > ?1 then o.saleStartsAt"
            + " else o.saleEndsAt end) from Product p join p.offers o where o.saleStartsAt > ?1 or o.saleEndsAt > ?1")
    java.util.Optional<java.time.Instant> nextSaleBoundary(java.time.Instant after);

    /** Products with a sale starting or ending in {@code (from, to]} in some market. */
    @org.springframework.data.jpa.repository.Query("select distinct p.sku from Product p join p.offers o where"
            + " (o.saleStartsAt > ?1 and o.saleStartsAt <= ?2) or (o.saleEndsAt > ?1 and o.saleEndsAt <= ?2)")
    List<String> findSkusWithSaleBoundaryIn(java.time.Instant from, java.time.Instant to);

    /**
     * Operators' search, one page at a time; each filter null for "any". {@code text} is an upper-case
     * {@code LIKE} pattern matched against the SKU and every translated name; {@code categoryPrefix} is
     * {@code "<code>.%"} for the category's descendants.
     */
    @org.springframework.data.jpa.repository.Query(value = "select p from Product p where"
            + " (:status is null or p.status = :status) and (:brand is null or p.brand = :brand)"
            + " and (:category is null or p.categoryCode = :category or p.categoryCode like :categoryPrefix)"
            + " and (:market is null or exists (select 1 from Product m join m.offers o where m = p and key(o) = :market))"
            + " and (:text is null or upper(p.sku) like :text or exists (select 1 from Product n join n.translations t"
            + " where n = p and upper(t.name) like :text))",
            countQuery = "select count(p) from Product p where"
            + " (:status is null or p.status = :status) and (:brand is null or p.brand = :brand)"
            + " and (:category is null or p.categoryCode = :category or p.categoryCode like :categoryPrefix)"
            + " and (:market is null or exists (select 1 from Product m join m.offers o where m = p and key(o) = :market))"
            + " and (:text is null or upper(p.sku) like :text or exists (select 1 from Product n join n.translations t"
            + " where n = p and upper(t.name) like :text))")
    org.springframework.data.domain.Page<Product> search(@org.jspecify.annotations.Nullable String text,
            @org.jspecify.annotations.Nullable ProductStatus status,
            @org.jspecify.annotations.Nullable String category,
            @org.jspecify.annotations.Nullable String categoryPrefix,
            @org.jspecify.annotations.Nullable String brand, @org.jspecify.annotations.Nullable String market,
            org.springframework.data.domain.Pageable pageable);

    /** Every product's SKU and every variant's own (the product's plus {@code -suffix}), in order; see ProductCatalog. */
    @org.springframework.data.jpa.repository.Query(value = "select sku from product union all"
            + " select concat(p.sku, '-', v.suffix) from product_variant v join product p on p.id = v.product_id"
            + " order by 1", nativeQuery = true)
    List<String> findStockKeepingUnits();

    /** Which of {@code skus} exist, without loading products (an import checks thousands at once). */
    @org.springframework.data.jpa.repository.Query("select p.sku from Product p where p.sku in ?1")
    List<String> findExistingSkus(java.util.Collection<String> skus);
}
