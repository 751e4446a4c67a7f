package dev.onshore.was.shopapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.onshore.was.CachedPagesTestSupport;
import dev.onshore.was.catalog.Availability;
import dev.onshore.was.catalog.OfferPricing;
import dev.onshore.was.catalog.Operator;
import dev.onshore.was.catalog.ProductAdministration;
import dev.onshore.was.catalog.ProductCatalog;
import dev.onshore.was.catalog.Sku;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The store API's catalogue answers are kept by the node (server max age one hour here, so that only the rules
 * under test can refresh one): a hit is not computed again, an operator's change through the catalog drops them.
 */
class CatalogueCacheIntegrationTests extends CachedPagesTestSupport {

    private static final String API = "/api/shop/v1";


    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ProductAdministration administration;

    @Autowired
    ProductCatalog catalog;

    private JsonNode read(String path) throws Exception {
        var response = mvc.perform(get(API + path).param("market", "ID").param("locale", "id-ID")).andReturn()
                .getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return json.readTree(response.getContentAsString(StandardCharsets.UTF_8));
    }

    private JsonNode await(String path, Predicate<JsonNode> condition) throws Exception {
        var deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        var answer = read(path);
        while (!condition.test(answer) && System.nanoTime() < deadline) {
            Thread.sleep(25);
            answer = read(path);
        }
        return answer;
    }

    private static boolean lists(JsonNode page, String sku) {
        for (var item : page.path("items")) {
            if (item.path("sku").asString().equals(sku)) {
                return true;
            }
        }
        return false;
    }

    private void listPrice(String sku, long amount) {
        var sheet = administration.sheet(new Sku(sku), "en");
        var offer = sheet.offers().get("ID");
        administration.offer(new Sku(sku), sheet.version(), "ID", new ProductAdministration.OfferInput("IDR",
                OfferPricing.LIST, BigDecimal.valueOf(amount), null, null, null, offer.maxPerOrder(),
                Availability.IN_STOCK), new Operator("editor"));
    }

    @Test
    void aCachedAnswerIsServedWithoutAskingTheCatalogAgain() throws Exception {
        var sku = "HS-CALMAG-D";
        var detail = read("/products/" + sku);
        var list = read("/products?category=health.vitamins.minerals");
        assertThat(lists(list, sku)).isTrue();
        var listPrice = jdbc.queryForObject("SELECT list_price FROM product_offer WHERE market = 'ID'"
                + " AND product_id = (SELECT id FROM product WHERE sku = ?)", BigDecimal.class, sku);
        assertThat(jdbc.update("UPDATE product_offer SET list_price = 434300 WHERE market = 'ID'"
                + " AND product_id = (SELECT id FROM product WHERE sku = ?)", sku)).isEqualTo(1);
        try {
            // An edit nobody announced is not seen: the answers come from this node's copy, not the database.
            assertThat(read("/products/" + sku)).isEqualTo(detail);
            assertThat(read("/products?category=health.vitamins.minerals")).isEqualTo(list);
            // Another context is another answer, computed from the database.
            var english = json.readTree(mvc.perform(get(API + "/products/" + sku).param("market", "ID")
                    .param("locale", "en-US")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
            assertThat(english.path("price").path("amount").asString()).isEqualTo("434300");
        } finally {
            jdbc.update("UPDATE product_offer SET list_price = ? WHERE market = 'ID'"
                    + " AND product_id = (SELECT id FROM product WHERE sku = ?)", listPrice, sku);
        }
    }

    @Test
    void anOperatorsPriceChangeIsOnTheNextRead() throws Exception {
        var sku = "HS-FIBER-PSYLLIUM";
        var before = read("/products/" + sku).path("price").path("amount").asString();
        read("/search?q=psyllium");
        listPrice(sku, 515100);
        try {
            assertThat(await("/products/" + sku, answer -> answer.path("price").path("amount").asString()
                    .equals("515100")).path("price").path("amount").asString()).isEqualTo("515100");
            var search = await("/search?q=psyllium", page -> page.path("items").valueStream().anyMatch(item ->
                    item.path("sku").asString().equals(sku) && item.path("price").path("amount").asString()
                            .equals("515100")));
            assertThat(search.path("items").valueStream().filter(item -> item.path("sku").asString().equals(sku))
                    .map(item -> item.path("price").path("amount").asString())).containsExactly("515100");
        } finally {
            listPrice(sku, new BigDecimal(before).longValueExact());
            await("/products/" + sku, answer -> answer.path("price").path("amount").asString().equals(before));
        }
    }

    @Test
    void aSuspensionAndAPublicationAreOnTheNextRead() throws Exception {
        var sku = "HS-PROPOLIS-CAPS";
        assertThat(lists(read("/products?category=health.immune"), sku)).isTrue();
        catalog.suspend(new Sku(sku), new Operator("reviewer"));
        try {
            assertThat(lists(await("/products?category=health.immune", page -> !lists(page, sku)), sku)).isFalse();
        } finally {
            catalog.publish(new Sku(sku), new Operator("reviewer"));
        }
        assertThat(lists(await("/products?category=health.immune", page -> lists(page, sku)), sku)).isTrue();
    }
}
