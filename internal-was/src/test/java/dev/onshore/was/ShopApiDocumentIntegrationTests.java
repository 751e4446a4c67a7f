package dev.onshore.was;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The store API's OpenAPI document as served is the one committed in {@code docs/api/shop-v1.openapi.json}, so that
 * a change of the API is a visible change of its description in review. To accept a change, regenerate it with
 * {@link #REGENERATE} (the test then writes the served document over the committed one, and passes).
 */
class ShopApiDocumentIntegrationTests extends CatalogTestSupport {

    static final String REGENERATE = "./mvnw -o -B -ntp -pl internal-was -am verify -Dtest=none"
            + " -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false"
            + " -Dit.test=ShopApiDocumentIntegrationTests -Donshore.openapi.write=true";

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    private String served() throws Exception {
        return mvc.perform(get("/api/shop/v1/openapi.json")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private static Path committed() {
        return Path.of(System.getProperty("onshore.root", ".."), "docs", "api", "shop-v1.openapi.json");
    }

    @Test
    void servedDocumentIsTheCommittedOne() throws Exception {
        var served = json.readTree(served());
        var file = committed();
        if (Boolean.getBoolean("onshore.openapi.write")) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, json.writerWithDefaultPrettyPrinter().writeValueAsString(served) + "\n");
        }
        assertThat(Files.exists(file)).as("%s is missing; generate it with: %s", file, REGENERATE).isTrue();
        assertThat(json.readTree(Files.readString(file))).as(
                "The store API changed but %s did not. Review the change, then regenerate the file with: %s", file,
                REGENERATE).isEqualTo(served);
    }

    @Test
    void documentIsOpenApi31AndDescribesOnlyTheStoreApi() throws Exception {
        var document = json.readTree(served());
        assertThat(document.path("openapi").asString()).startsWith("3.1");
        var paths = new ArrayList<String>();
        document.path("paths").propertyNames().forEach(paths::add);
        assertThat(paths).isNotEmpty().allMatch(path -> path.startsWith("/api/shop/v1/"))
                .contains("/api/shop/v1/markets", "/api/shop/v1/categories", "/api/shop/v1/categories/{code}",
                        "/api/shop/v1/products", "/api/shop/v1/products/{sku}", "/api/shop/v1/search");
        assertThat(document.path("servers").get(0).path("url").asString()).isEqualTo("/");
    }

    @Test
    void everyOperationThatNeedsAnIdempotencyKeySaysItIsRequired() throws Exception {
        var paths = json.readTree(served()).path("paths");
        for (var path : List.of("/api/shop/v1/orders", "/api/shop/v1/hot-deals/{id}/checkout",
                "/api/shop/v1/orders/{number}/return", "/api/shop/v1/orders/{number}/exchange")) {
            var key = new ArrayList<JsonNode>();
            paths.path(path).path("post").path("parameters").forEach(parameter -> {
                if (parameter.path("name").asString().equals("Idempotency-Key")) {
                    key.add(parameter);
                }
            });
            assertThat(key).as("POST %s documents its Idempotency-Key", path).hasSize(1);
            assertThat(key.getFirst().path("in").asString()).isEqualTo("header");
            assertThat(key.getFirst().path("required").asBoolean()).as("POST %s: the key is required", path).isTrue();
        }
    }

    @Test
    void documentDescribesTheShoppersReturnsAndExchangesWithTheirProblemsAndReasons() throws Exception {
        var paths = json.readTree(served()).path("paths");
        for (var kind : List.of("return", "exchange")) {
            var operation = paths.path("/api/shop/v1/orders/{number}/" + kind).path("post");
            assertThat(operation.isMissingNode()).as("POST /api/shop/v1/orders/{number}/%s is documented", kind)
                    .isFalse();
            var responses = new ArrayList<String>();
            operation.path("responses").propertyNames().forEach(responses::add);
            assertThat(responses).contains("200", "400", "404", "409", "422");
            assertThat(operation.path("responses").path("409").path("description").asString())
                    .contains("claim/not-delivered", "claim/already-claimed", "claim/window-closed");
            var parameters = new ArrayList<String>();
            operation.path("parameters").forEach(parameter -> parameters.add(parameter.path("name").asString()));
            assertThat(parameters).contains("Idempotency-Key", "Order-Token");
        }
        assertThat(paths.path("/api/shop/v1/orders/{number}/exchange").path("post").path("responses").path("422")
                .path("description").asString()).contains("claim/unknown-line", "claim/quantity-too-large",
                        "claim/replacement-other-product", "claim/replacement-not-sold");
        var request = json.readTree(served()).path("components").path("schemas").path("ExchangeRequestJson");
        var reasons = new ArrayList<String>();
        request.path("properties").path("reason").path("enum").forEach(reason -> reasons.add(reason.asString()));
        assertThat(reasons).containsExactly("DAMAGED", "DEFECTIVE", "WRONG_ITEM", "NOT_AS_DESCRIBED",
                "OTHER_VARIANT", "CHANGED_MIND", "OTHER");
        assertThat(reasons).containsExactly(java.util.Arrays.stream(dev.onshore.was.orders.ClaimReason.values())
                .map(Enum::name).toArray(String[]::new));
    }

    @Test
    void everyOperationDocumentsItsProblemResponsesAsProblemJson() throws Exception {
        var findings = problemResponseFindings(json.readTree(served()));
        assertThat(findings).as("Every operation must document its 4xx answers as application/problem+json "
                + "(ShopApiConfiguration adds 400/406 for ShopContext operations; declare the others)").isEmpty();
    }

    @Test
    void problemResponseCheckFindsAnOperationWithoutProblemResponses() throws Exception {
        var document = json.readTree("""
                {"paths": {"/api/shop/v1/carts": {
                  "post": {"responses": {"200": {"description": "ok"}}},
                  "get": {"responses": {"200": {"description": "ok"},
                    "404": {"description": "x", "content": {"application/json": {}}}}}}}}""");
        assertThat(problemResponseFindings(document)).containsExactlyInAnyOrder(
                "POST /api/shop/v1/carts documents no 4xx problem response",
                "GET /api/shop/v1/carts answers 404 as [application/json], not only application/problem+json");
    }

    /** What is wrong with the document's error responses; empty when every operation documents them well. */
    static List<String> problemResponseFindings(JsonNode document) {
        var findings = new ArrayList<String>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            var name = operation.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey();
            var problems = 0;
            for (var response : operation.getValue().path("responses").properties()) {
                if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
                    var types = new ArrayList<String>();
                    response.getValue().path("content").propertyNames().forEach(types::add);
                    if (!types.equals(List.of("application/problem+json"))) {
                        findings.add(name + " answers " + response.getKey() + " as " + types
                                + ", not only application/problem+json");
                    } else if (response.getKey().startsWith("4")) {
                        problems++;
                    }
                }
            }
            if (problems == 0 && findings.stream().noneMatch(finding -> finding.startsWith(name + " "))) {
                findings.add(name + " documents no 4xx problem response");
            }
        }));
        return findings;
    }
}
