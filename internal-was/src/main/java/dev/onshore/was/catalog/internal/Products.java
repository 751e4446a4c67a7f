package dev.onshore.was.catalog.internal;

import dev.onshore.was.catalog.ProductStatus;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

/** All products. */
interface Products extends ListCrudRepository<Product, UUID> {

    Optional<Product> findBySku(String sku);

    List<Product> findBySkuIn(java.util.Collection<String> skus);

    boolean existsBySku(String sku);

    List<Product> findByStatusOrderBySku(ProductStatus status);

    List<Product> findAllByOrderBySku();

    /** Every brand, without loading products (pages ask for it on every listing). */
    @org.springframework.data.jpa.repository.Query("select distinct p.brand from Product p order by p.brand")
    List<String> findBrands();
}
