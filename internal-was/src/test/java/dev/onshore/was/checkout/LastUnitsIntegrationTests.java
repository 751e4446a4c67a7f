package dev.onshore.was.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import dev.onshore.was.ShopTestSupport;
import dev.onshore.was.inventory.Stock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Many shoppers, few units: MariaDB's conditional updates decide, and never oversell. */
class LastUnitsIntegrationTests extends ShopTestSupport {

    private static final String SKU = "HS-VITD-2000";
    private static final int SHOPPERS = 40;
    private static final int UNITS = 5;

    @Autowired
    Stock stock;

    @Autowired
    JdbcClient jdbc;

    @Test
    void fortyParallelCheckoutsForTheLastFiveUnitsPlaceExactlyFiveOrders() throws Exception {
        stock.set(SKU, UNITS);
        var carts = new ArrayList<String>();
        for (int i = 0; i < SHOPPERS; i++) {
            var token = cart("ID");
            assertStatus(add(token, SKU, 1), 200);
            carts.add(token);
        }
        var start = new CountDownLatch(1);
        var statuses = new ConcurrentHashMap<Integer, AtomicInteger>();
        var numbers = ConcurrentHashMap.<String>newKeySet();
        List<Future<?>> runs = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(SHOPPERS)) {
            for (var token : carts) {
                runs.add(pool.submit(() -> {
                    start.await();
                    var result = placeOrder(token, UUID.randomUUID().toString(), checkout("ID"));
                    statuses.computeIfAbsent(result.getResponse().getStatus(), status -> new AtomicInteger())
                            .incrementAndGet();
                    if (result.getResponse().getStatus() == 201) {
                        numbers.add(JsonPath.read(result.getResponse().getContentAsString(), "$.order.number"));
                    } else {
                        assertThat(JsonPath.<String>read(result.getResponse().getContentAsString(), "$.type"))
                                .endsWith("/insufficient-stock");
                    }
                    return null;
                }));
            }
            start.countDown();
            for (var run : runs) {
                run.get();
            }
        }
        assertThat(statuses.keySet()).containsOnly(201, 409);
        assertThat(statuses.get(201).get()).isEqualTo(UNITS);
        assertThat(statuses.get(409).get()).isEqualTo(SHOPPERS - UNITS);
        assertThat(stock.available(SKU)).isZero();
        assertThat(jdbc.sql("""
                SELECT COALESCE(SUM(l.quantity), 0) FROM shop_order o JOIN shop_order_line l ON l.order_id = o.id
                WHERE l.sku = ? AND o.number IN (:numbers)""".replace("?", "'" + SKU + "'"))
                .param("numbers", List.copyOf(numbers)).query(Integer.class).single()).isEqualTo(UNITS);
        // This test's orders hold exactly the units (other test classes share the database and may hold this SKU).
        assertThat(jdbc.sql("""
                SELECT COALESCE(SUM(quantity), 0) FROM stock_reservation
                WHERE sku = :sku AND state = 'HELD' AND order_number IN (:numbers)""")
                .param("sku", SKU).param("numbers", List.copyOf(numbers)).query(Integer.class).single())
                .isEqualTo(UNITS);
        stock.set(SKU, 500);
    }
}
