package dev.onshore.was.hotdeals;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** The hot deals. */
interface HotDeals extends JpaRepository<HotDeal, UUID> {

    @Query("select d from HotDeal d where d.endsAt > :now order by d.startsAt")
    List<HotDeal> notOverAt(@Param("now") Instant now);

    @Query("select d from HotDeal d where d.endsAt > :now and d.sku = :sku order by d.startsAt")
    List<HotDeal> notOverAtForSku(@Param("now") Instant now, @Param("sku") String sku);

    /**
     * Takes {@code quantity} units if that many are left; one row changed means they are taken. A conditional
     * update, because repeatable read lets two read-then-write transactions both sell the last unit.
     */
    @Modifying
    @Query(value = "UPDATE hot_deal SET units_left = units_left - :quantity, version = version + 1"
            + " WHERE id = :id AND status = 'SCHEDULED' AND units_left >= :quantity", nativeQuery = true)
    int takeUnits(@Param("id") UUID id, @Param("quantity") int quantity);
}
