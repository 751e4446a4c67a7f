package dev.onshore.was.inventory.internal;

import dev.onshore.was.inventory.InsufficientStockException;
import dev.onshore.was.inventory.Stock;
import dev.onshore.was.inventory.StockChanged;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stock on MariaDB with conditional updates only: {@code available = available - q WHERE available >= q} (row count
 * checked) to take, and a reservation state change guarded by its current state to give back, so that neither
 * overselling nor a double release can happen whatever runs concurrently (RELIABILITY.md: isolation).
 */
@Service
@Transactional
class JdbcStock implements Stock {

    static final int MAX_UNITS = 1_000_000;

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    JdbcStock(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public int available(String sku) {
        return jdbc.sql("SELECT available FROM stock WHERE sku = ?").param(sku).query(Integer.class).optional()
                .orElse(0);
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, Integer> available(java.util.Collection<String> skus) {
        var units = new java.util.HashMap<String, Integer>();
        skus.forEach(sku -> units.put(sku, 0));
        if (!skus.isEmpty()) {
            jdbc.sql("SELECT sku, available FROM stock WHERE sku IN (:skus)").param("skus", units.keySet())
                    .query((rs, row) -> Map.entry(rs.getString(1), rs.getInt(2))).list()
                    .forEach(row -> units.put(row.getKey(), row.getValue()));
        }
        return units;
    }

    @Override
    public void set(String sku, int available) {
        if (available < 0 || available > MAX_UNITS) {
            throw new IllegalArgumentException("stock must be between 0 and " + MAX_UNITS + ": " + available);
        }
        jdbc.sql("""
                INSERT INTO stock (sku, available, updated_at) VALUES (:sku, :available, :now)
                ON DUPLICATE KEY UPDATE available = :available, updated_at = :now""")
                .param("sku", sku).param("available", available).param("now", now()).update();
        events.publishEvent(StockChanged.of(sku, available, clock.instant()));
    }

    @Override
    public void reserve(String orderNumber, Map<String, Integer> quantities, Instant until) {
        if (quantities.isEmpty()) {
            throw new IllegalArgumentException("a reservation needs at least one line");
        }
        var now = now();
        // SKU order: two checkouts taking the same SKUs lock their rows in the same order and cannot deadlock.
        for (var line : new TreeMap<>(quantities).entrySet()) {
            int quantity = line.getValue();
            if (quantity <= 0 || quantity > MAX_UNITS) {
                throw new IllegalArgumentException("a reserved quantity must be positive: " + line);
            }
            int taken = jdbc.sql("""
                    UPDATE stock SET available = available - :quantity, updated_at = :now
                    WHERE sku = :sku AND available >= :quantity""")
                    .param("quantity", quantity).param("now", now).param("sku", line.getKey()).update();
            if (taken != 1) {
                throw new InsufficientStockException(line.getKey(), quantity); // rolls back what was taken
            }
            jdbc.sql("""
                    INSERT INTO stock_reservation (order_number, sku, quantity, state, expires_at, created_at)
                    VALUES (?, ?, ?, 'HELD', ?, ?)""")
                    .params(orderNumber, line.getKey(), quantity, Timestamp.from(until), now).update();
            events.publishEvent(StockChanged.of(line.getKey(), available(line.getKey()), clock.instant()));
        }
    }

    @Override
    public void putBack(String sku, int quantity) {
        if (quantity <= 0 || quantity > MAX_UNITS) {
            throw new IllegalArgumentException("units put back must be positive: " + quantity);
        }
        jdbc.sql("""
                INSERT INTO stock (sku, available, updated_at) VALUES (:sku, :quantity, :now)
                ON DUPLICATE KEY UPDATE available = available + :quantity, updated_at = :now""")
                .param("sku", sku).param("quantity", quantity).param("now", now()).update();
        events.publishEvent(StockChanged.of(sku, available(sku), clock.instant()));
    }

    @Override
    public boolean commit(String orderNumber) {
        return jdbc.sql("UPDATE stock_reservation SET state = 'COMMITTED' WHERE order_number = ? AND state = 'HELD'")
                .param(orderNumber).update() > 0;
    }

    @Override
    public boolean release(String orderNumber) {
        return giveBack(orderNumber, List.of("HELD", "COMMITTED"));
    }

    @Override
    public boolean releaseHeld(String orderNumber) {
        return giveBack(orderNumber, List.of("HELD"));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ReservationState> reservation(String orderNumber) {
        return jdbc.sql("SELECT state FROM stock_reservation WHERE order_number = ? LIMIT 1").param(orderNumber)
                .query(String.class).optional().map(ReservationState::valueOf);
    }

    /** Order numbers whose held units expired before {@code now}, at most {@code limit}. */
    @Transactional(readOnly = true)
    List<String> expired(Instant now, int limit) {
        return jdbc.sql("""
                SELECT DISTINCT order_number FROM stock_reservation WHERE state = 'HELD' AND expires_at < ?
                LIMIT ?""").params(Timestamp.from(now), limit).query(String.class).list();
    }

    private boolean giveBack(String orderNumber, List<String> states) {
        var lines = jdbc.sql("""
                SELECT sku, quantity FROM stock_reservation WHERE order_number = :order AND state IN (:states)
                ORDER BY sku""").param("order", orderNumber).param("states", states)
                .query((rs, row) -> Map.entry(rs.getString("sku"), rs.getInt("quantity"))).list();
        var now = now();
        boolean released = false;
        for (var line : lines) {
            // Only the transaction that moves the line out of a held or sold state gives its units back.
            int moved = jdbc.sql("""
                    UPDATE stock_reservation SET state = 'RELEASED'
                    WHERE order_number = :order AND sku = :sku AND state IN (:states)""")
                    .param("order", orderNumber).param("sku", line.getKey()).param("states", states).update();
            if (moved == 1) {
                jdbc.sql("UPDATE stock SET available = available + ?, updated_at = ? WHERE sku = ?")
                        .params(line.getValue(), now, line.getKey()).update();
                events.publishEvent(StockChanged.of(line.getKey(), available(line.getKey()), clock.instant()));
                released = true;
            }
        }
        return released;
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
