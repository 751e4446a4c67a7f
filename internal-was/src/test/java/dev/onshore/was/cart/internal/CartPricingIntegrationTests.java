package dev.onshore.was.cart.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.jayway.jsonpath.JsonPath;
import dev.onshore.was.ShopTestSupport;
import dev.onshore.was.catalog.Availability;
import dev.onshore.was.catalog.OfferPricing;
import dev.onshore.was.catalog.Operator;
import dev.onshore.was.catalog.ProductAdministration;
import dev.onshore.was.catalog.ProductCatalog;
import dev.onshore.was.catalog.Sku;
import jakarta.persistence.EntityManagerFactory;
import java.math.BigDecimal;
import java.util.List;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MvcResult;

/**
 * A cart is priced on the server on every read and change, line by line from the catalog, but in a few queries for
 * the whole cart: under 64 shoppers adding to carts of five lines, a product load per line kept a database
 * connection per request for tens of queries.
 */
class CartPricingIntegrationTests extends ShopTestSupport {

    private static final List<String> SKUS = List.of("HS-VITD-2000", "HS-MULTI-MEN", "HS-MULTI-WOMEN", "HS-CALMAG-D",
            "HS-PROBIO-KIDS");

    @Autowired
    EntityManagerFactory entityManagerFactory;

    @Autowired
    ProductCatalog catalog;

    @Autowired
    ProductAdministration administration;

    @Autowired
    JdbcClient jdbc;

    private static String unitPrice(MvcResult result, String sku) throws Exception {
        List<Object> unit = JsonPath.read(result.getResponse().getContentAsString(),
                "$.lines[?(@.sku == '" + sku + "')].unitPrice.amount");
        assertThat(unit).as(sku).hasSize(1);
        return unit.getFirst().toString();
    }

    private MvcResult setOne(String token, String sku) throws Exception {
        var result = mvc.perform(put("/api/shop/v1/cart/lines/" + sku).header("Cart-Token", token)
                .contentType(MediaType.APPLICATION_JSON).content("{\"quantity\":1}")).andReturn();
        assertStatus(result, 200);
        return result;
    }

    private void listPrice(String sku, long amount) {
        var sheet = administration.sheet(new Sku(sku), "en");
        administration.offer(new Sku(sku), sheet.version(), "ID", new ProductAdministration.OfferInput("IDR",
                OfferPricing.LIST, BigDecimal.valueOf(amount), null, null, null, sheet.offers().get("ID").maxPerOrder(),
                Availability.IN_STOCK), new Operator("editor"));
    }

    @Test
    void aLineChangeIsAnsweredFromTheNodesOffersButReadsAndOrdersArePricedFromTheCatalog() throws Exception {
        var sku = "HS-MULTI-MEN";
        var token = cart("ID");
        var before = unitPrice(add(token, sku, 1), sku);
        var listPrice = jdbc.sql("SELECT list_price FROM product_offer WHERE market = 'ID'"
                + " AND product_id = (SELECT id FROM product WHERE sku = ?)").param(sku).query(BigDecimal.class)
                .single();
        jdbc.sql("UPDATE product_offer SET list_price = 424300 WHERE market = 'ID'"
                + " AND product_id = (SELECT id FROM product WHERE sku = ?)").param(sku).update();
        try {
            // An edit nobody announced: the answer to a change comes from this node's copy of the offer...
            assertThat(unitPrice(add(token, "HS-VITD-2000", 1), sku)).isEqualTo(before);
            // ...but reading the cart (what checkout does for a quote and an order) asks the catalog.
            assertThat(unitPrice(mvc.perform(get("/api/shop/v1/cart").header("Cart-Token", token)).andReturn(),
                    sku)).isEqualTo("424300");
        } finally {
            jdbc.sql("UPDATE product_offer SET list_price = ? WHERE market = 'ID'"
                    + " AND product_id = (SELECT id FROM product WHERE sku = ?)").params(listPrice, sku).update();
        }
    }

    @Test
    void anOperatorsPriceChangeReachesTheNextLineChange() throws Exception {
        var sku = "HS-MULTI-WOMEN";
        var token = cart("ID");
        var copied = System.nanoTime(); // this node's copy of the offer is at most this old
        var before = unitPrice(add(token, sku, 1), sku);
        listPrice(sku, 525200);
        try {
            var changed = System.nanoTime();
            var deadline = changed + java.time.Duration.ofSeconds(10).toNanos();
            var seen = unitPrice(setOne(token, sku), sku);
            while (!seen.equals("525200") && System.nanoTime() < deadline) {
                Thread.sleep(25);
                seen = unitPrice(setOne(token, sku), sku);
            }
            var seenAfter = java.time.Duration.ofNanos(System.nanoTime() - copied);
            assertThat(seen).isEqualTo("525200");
            // Before the copy would have expired by itself: the catalog's change event dropped it. (Meaningless
            // when the change alone took most of the copy's age on a loaded machine.)
            org.junit.jupiter.api.Assumptions.assumeTrue(
                    java.time.Duration.ofNanos(changed - copied).compareTo(java.time.Duration.ofSeconds(3)) < 0);
            assertThat(seenAfter).isLessThan(CatalogPrices.MAX_AGE);
        } finally {
            listPrice(sku, new BigDecimal(before).longValueExact());
        }
    }

    @Test
    void aCartOfFiveLinesIsPricedFromTheCatalogInAFewQueries() throws Exception {
        var token = cart("ID");
        for (var sku : SKUS) {
            assertStatus(add(token, sku, 2), 200);
        }
        var statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        statistics.setStatisticsEnabled(true);
        statistics.clear();
        var read = mvc.perform(get("/api/shop/v1/cart").header("Cart-Token", token)).andReturn();
        var collectionLoads = statistics.getCollectionFetchCount();
        var productQueries = statistics.getQueryExecutionCount();
        statistics.setStatisticsEnabled(false);

        assertStatus(read, 200);
        var body = read.getResponse().getContentAsString();
        for (var sku : SKUS) {
            var price = catalog.findForShopper(new Sku(sku), "ID", "id").orElseThrow().price();
            List<Object> unit = JsonPath.read(body, "$.lines[?(@.sku == '" + sku + "')].unitPrice.amount");
            assertThat(unit).as(sku).hasSize(1);
            assertThat(new java.math.BigDecimal(unit.getFirst().toString())).as(sku).isEqualByComparingTo(price);
        }
        // One query for the five products (a scheduled sale check may run beside it), their collections in batches.
        assertThat(productQueries).isLessThanOrEqualTo(3);
        assertThat(collectionLoads).isLessThanOrEqualTo(8);
    }
}
