package dev.onshore.was.catalog.internal;

import java.util.List;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.ListCrudRepository;

/** The category tree. */
public interface Categories extends ListCrudRepository<Category, String> {

    List<Category> findAllByOrderByDepthAscPositionAsc();

    /** The children of {@code parentCode} (the top level for null), by position. */
    @Query("select c from Category c where (:parentCode is null and c.parentCode is null)"
            + " or c.parentCode = :parentCode order by c.position, c.code")
    List<Category> siblings(@org.jspecify.annotations.Nullable String parentCode);

    /** Per category code, how many products are in it (in the category itself): {@code [code, count]} rows. */
    @Query("select p.categoryCode, count(p) from Product p where p.categoryCode is not null group by p.categoryCode")
    List<Object[]> productCounts();

    @Query("select count(p) from Product p where p.categoryCode = :code")
    long countProducts(String code);
}
