package dev.onshore.was.catalog.internal;

import dev.onshore.was.catalog.ProductStatus;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

/** All products. */
interface Products extends ListCrudRepository<Product, UUID> {

    Optional<Product> findBySku(String sku);

    boolean existsBySku(String sku);

    List<Product> findByStatusOrderBySku(ProductStatus status);

    List<Product> findAllByOrderBySku();
}
