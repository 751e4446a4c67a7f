package dev.onshore.was.catalog.internal;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.Lock;
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

    /**
     * The category, its row locked until the transaction ends: a product or a sub-category put into it meanwhile
     * (their foreign key takes a shared lock on this row) waits for the deletion, and one that was being put in first
     * is waited for.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from Category c where c.code = :code")
    Optional<Category> lockById(String code);

    /** Products in the category as last committed (a locking read: not this transaction's older snapshot). */
    @Query(value = "SELECT COUNT(*) FROM product WHERE category_code = :code LOCK IN SHARE MODE", nativeQuery = true)
    long countProductsCommitted(String code);

    /** Sub-categories of the category as last committed (a locking read). */
    @Query(value = "SELECT COUNT(*) FROM category WHERE parent_code = :code LOCK IN SHARE MODE", nativeQuery = true)
    long countChildrenCommitted(String code);
}
