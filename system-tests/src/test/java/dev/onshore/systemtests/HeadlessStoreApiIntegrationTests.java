package dev.onshore.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onshore.devstack.Appliance;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The store API through dmz-api, as a headless client (a mobile app, a partner's site) reads it: markets, the
 * category tree, a search, a product, revalidation with its ETag, and problem details for what it gets wrong.
 */
@ExtendWith(RunningAppliance.class)
class HeadlessStoreApiIntegrationTests {

    private static String api;

    @BeforeAll
    static void appliance() {
        Appliance appliance = RunningAppliance.appliance();
        api = appliance.storefrontUrl() + "/api/shop/v1";
    }

    @Test
    void headlessClientBrowsesTheCatalogueThroughTheGateway() {
        // The gateway resolves the shopper from Accept-Language (no GeoIP for a loopback client).
        var markets = Http.get(api + "/markets", "Accept-Language", "id-ID,id;q=0.9");
        assertThat(markets.statusCode()).isEqualTo(200);
        assertThat(markets.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        var context = Http.json(markets).get("context");
        assertThat(context.get("market").asString()).isEqualTo("ID");
        assertThat(context.get("locale").asString()).isEqualTo("id-ID");

        var categories = Http.json(Http.get(api + "/categories", "Accept-Language", "id-ID"));
        assertThat(categories.get("categories").get(0).get("name").asString()).isEqualTo("Suplemen kesehatan");

        // Explicit parameters win over what the gateway resolved.
        var found = Http.get(api + "/search?q=vitamin+c&market=MY&locale=ms-MY", "Accept-Language", "id-ID");
        assertThat(found.statusCode()).isEqualTo(200);
        var skus = new ArrayList<String>();
        Http.json(found).get("items").forEach(item -> skus.add(item.get("sku").asString()));
        assertThat(skus).contains("HS-VITC-1000");
        Http.json(found).get("items").forEach(item ->
                assertThat(item.get("price").get("currency").asString()).isEqualTo("MYR"));

        var product = Http.get(api + "/products/HS-VITC-1000?market=MY&locale=ms-MY");
        assertThat(product.statusCode()).isEqualTo(200);
        assertThat(Http.json(product).get("price").get("formatted").asString()).startsWith("RM");
        var etag = product.headers().firstValue("ETag").orElseThrow();
        assertThat(product.headers().firstValue("Cache-Control")).hasValueSatisfying(
                cc -> assertThat(cc).contains("public").contains("max-age="));

        var again = Http.get(api + "/products/HS-VITC-1000?market=MY&locale=ms-MY", "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
    }

    @Test
    void documentIsServedThroughTheGateway() {
        var document = Http.get(api + "/openapi.json");
        assertThat(document.statusCode()).isEqualTo(200);
        assertThat(Http.json(document).get("openapi").asString()).startsWith("3.1");
        assertThat(Http.json(document).get("paths").has("/api/shop/v1/products/{sku}")).isTrue();
    }

    @Test
    void mistakesAreProblemDetailsInTheShoppersLanguage() {
        var unknownMarket = Http.get(api + "/products?market=XX", "Accept-Language", "ko-KR");
        assertThat(unknownMarket.statusCode()).isEqualTo(400);
        assertThat(unknownMarket.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(Http.json(unknownMarket).get("type").asString())
                .isEqualTo("https://onshore.dev/problems/invalid-shop-context");
        assertThat(Http.json(unknownMarket).get("title").asString()).isEqualTo("이용할 수 없는 시장, 언어 또는 통화");

        var notSold = Http.get(api + "/products/HS-VITC-POWDER?market=MY");
        assertThat(notSold.statusCode()).isEqualTo(404);
        assertThat(Http.json(notSold).get("type").asString()).isEqualTo("https://onshore.dev/problems/unknown-product");

        var wrongMethod = Http.send(HttpRequest.newBuilder(URI.create(api + "/products"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(Http.json(wrongMethod).get("type").asString())
                .isEqualTo("https://onshore.dev/problems/method-not-allowed");
    }
}
