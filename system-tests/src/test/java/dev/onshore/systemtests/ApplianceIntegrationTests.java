package dev.onshore.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onshore.devstack.Appliance;
import dev.onshore.devstack.Secrets;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The appliance from the outside, the way a shopper, an operator's admin app and a Kafka consumer see it. */
@ExtendWith(RunningAppliance.class)
class ApplianceIntegrationTests {

    private static Appliance appliance;
    private static String storefront;

    @BeforeAll
    static void appliance() {
        appliance = RunningAppliance.appliance();
        storefront = appliance.storefrontUrl();
    }

    @Test
    void storefrontPageFlowsThroughTheGatewayToInternalWasAndMariaDb() throws Exception {
        // A price changed straight in MariaDB (no event announces it) shows on the page the gateway serves once the
        // rendered page's max age (5 s) has passed.
        try (var db = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + appliance.ports().mariadb() + "/onshore",
                "onshore", appliance.secrets().get(Secrets.Name.DB_APP_PASSWORD))) {
            var changed = db.createStatement().executeUpdate("UPDATE product_offer SET list_price = 234500 WHERE market = 'ID'"
                    + " AND product_id = (SELECT id FROM product WHERE sku = 'HS-LUTEIN-60')");
            assertThat(changed).isEqualTo(1);
        }

        var page = Http.get(storefront + "/id-id/");
        var deadline = Instant.now().plusSeconds(15);
        while (!page.body().contains("234.500") && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
            page = Http.get(storefront + "/id-id/");
        }

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("lang=\"id-ID\"")
                .contains("data-sku=\"HS-LUTEIN-60\"").contains("234.500")
                .contains("data-sku=\"HS-VITC-1000\"").contains("189.000")
                .doesNotContain("data-sku=\"HS-OMEGA3-90\""); // not offered in Indonesia
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'self'"));
        assertThat(page.headers().allValues("X-Frame-Options")).containsExactly("DENY");
    }

    @Test
    void internalWasExportsOutboxAndExchangeRateMetricsToTheScraperButTheEdgeDoesNot() {
        var metrics = Http.get(appliance.internalWasUrl() + "/actuator/prometheus");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("onshore_outbox_incomplete_events ")
                .contains("onshore_outbox_oldest_incomplete_age_seconds ")
                .contains("onshore_exchange_rates_oldest_age_seconds ").contains("http_server_requests_seconds_count");
        // The edge never relays them: a shopper's request (the WAF and L4 always add X-Forwarded-For) is refused,
        // and what the edge gives its own scraper (loopback here) are its own metrics, not internal-was's.
        assertThat(Http.get(storefront + "/actuator/prometheus", "X-Forwarded-For", "203.0.113.7").statusCode())
                .isEqualTo(404);
        var edgeOwn = Http.get(storefront + "/actuator/prometheus");
        assertThat(edgeOwn.statusCode()).isEqualTo(200);
        assertThat(edgeOwn.body()).contains("http_server_requests_seconds_count")
                .doesNotContain("onshore_outbox_incomplete_events").doesNotContain("onshore_exchange_rates");
    }

    @Test
    void notFoundPagesSpeakThePagesLanguageAndAnUnknownLocaleGetsTheSiteDefault() {
        var indonesian = Http.get(storefront + "/id-id/p/NO-SUCH-SKU");
        var korean = Http.get(storefront + "/ko-kr/p/NO-SUCH-SKU");
        var unknown = Http.get(storefront + "/xx-yy/", "Accept-Language", "id-ID");

        assertThat(indonesian.statusCode()).isEqualTo(404);
        assertThat(indonesian.body()).contains("<html lang=\"id-ID\"").contains("Halaman tidak ditemukan")
                .doesNotContain("Page not found");
        assertThat(korean.statusCode()).isEqualTo(404);
        assertThat(korean.body()).contains("<html lang=\"ko-KR\"").contains("페이지를 찾을 수 없습니다");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("<html lang=\"en-US\"").contains("Page not found");
    }

    @Test
    void rootSendsTheShopperToTheirLanguageAndIgnoresClientSentEdgeHeaders() {
        var response = Http.get(storefront + "/", "Accept-Language", "id-ID,id;q=0.9,en;q=0.5",
                "X-Onshore-Locale", "ko-KR");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/id-id/"));
    }

    @Test
    void serviceTokenFromKeycloakIsAcceptedByInternalWas() {
        var response = Http.get(appliance.internalWasUrl() + "/api/admin/products",
                "Authorization", "Bearer " + Tokens.service(appliance), "X-Onshore-Operator-Roles", "VIEWER");

        assertThat(response.statusCode()).isEqualTo(200);
        var skus = new ArrayList<String>();
        Http.json(response).forEach(product -> skus.add(product.get("sku").asString()));
        assertThat(skus).contains("HS-VITC-1000", "HS-PROPOLIS-SPRAY");
    }

    @Test
    void tamperedTokenIsRefusedWithProblemDetails() {
        var token = Tokens.service(appliance);
        var parts = token.split("\\.");
        var payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"internal-api\"", "\"internal-api\",\"superuser\"");
        var tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        var response = Http.get(appliance.internalWasUrl() + "/api/admin/products", "Authorization", "Bearer " + tampered);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(Http.json(response).get("type").asString()).isEqualTo("https://onshore.dev/problems/unauthorized");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(h -> assertThat(h).contains("invalid_token"));
    }

    @Test
    void unsignedTokenIsRefused() {
        var parts = Tokens.service(appliance).split("\\.");
        var none = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

        var response = Http.get(appliance.internalWasUrl() + "/api/admin/products",
                "Authorization", "Bearer " + none + "." + parts[1] + ".");

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void tokenForAnotherAudienceIsRefused() {
        var admin = Tokens.keycloakAdmin(appliance);
        var clientId = "system-test-" + UUID.randomUUID().toString().substring(0, 8);
        var secret = UUID.randomUUID().toString();
        var created = Http.send(HttpRequest.newBuilder(URI.create(appliance.keycloakUrl() + "/admin/realms/operators/clients"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Http.JSON.writeValueAsString(Map.of(
                        "clientId", clientId, "secret", secret, "publicClient", false, "serviceAccountsEnabled", true,
                        "standardFlowEnabled", false))))
                .build());
        assertThat(created.statusCode()).isEqualTo(201);

        var foreign = Tokens.clientCredentials(appliance, clientId, secret);
        var response = Http.get(appliance.internalWasUrl() + "/api/admin/products", "Authorization", "Bearer " + foreign);

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void missingTokenIsRefused() {
        var response = Http.get(appliance.internalWasUrl() + "/api/admin/products");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(Http.json(response).get("status").asInt()).isEqualTo(401);
    }

    @Test
    void productPublishedByInternalWasReachesAKafkaConsumer() {
        var props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + appliance.ports().kafka());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "system-test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        var token = Tokens.service(appliance);
        var product = appliance.internalWasUrl() + "/api/admin/products/HS-PROPOLIS-SPRAY";
        var publication = URI.create(product + "/publication");
        // Repeatable on a kept target/var: take the product off sale first if an earlier run published it; a fresh
        // draft goes through submission and approval by two operators (four eyes) first.
        var suspended = Http.send(HttpRequest.newBuilder(publication).header("Authorization", "Bearer " + token)
                .header("X-Onshore-Operator", "system-test-reviewer").header("X-Onshore-Operator-Roles", "CATALOG_MANAGER").DELETE().build());
        assertThat(suspended.statusCode()).isIn(200, 409);
        for (var step : List.of("submission:system-test-editor", "approval:system-test-reviewer")) {
            var parts = step.split(":");
            var response = Http.send(HttpRequest.newBuilder(URI.create(product + "/" + parts[0]))
                    .header("Authorization", "Bearer " + token).header("X-Onshore-Operator", parts[1]).header("X-Onshore-Operator-Roles", "CATALOG_MANAGER")
                    .PUT(HttpRequest.BodyPublishers.noBody()).build());
            assertThat(response.statusCode()).as(parts[0]).isIn(200, 409);
        }
        try (var consumer = new KafkaConsumer<String, String>(props)) {
            consumer.subscribe(List.of("onshore.catalog.product-published"));
            var published = Http.send(HttpRequest.newBuilder(URI.create(appliance.internalWasUrl()
                            + "/api/admin/products/HS-PROPOLIS-SPRAY/publication"))
                    .header("Authorization", "Bearer " + token).header("X-Onshore-Operator", "system-test-reviewer").header("X-Onshore-Operator-Roles", "CATALOG_MANAGER")
                    .PUT(HttpRequest.BodyPublishers.noBody()).build());
            assertThat(published.statusCode()).isEqualTo(200);

            ConsumerRecord<String, String> received = null;
            var deadline = Instant.now().plusSeconds(60);
            while (received == null && Instant.now().isBefore(deadline)) {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    if ("HS-PROPOLIS-SPRAY".equals(record.key())) {
                        received = record;
                    }
                }
            }
            assertThat(received).as("ProductPublished for HS-PROPOLIS-SPRAY on Kafka").isNotNull();
            var event = Http.JSON.readTree(received.value());
            assertThat(event.get("sku").asString()).isEqualTo("HS-PROPOLIS-SPRAY");
            assertThat(event.get("eventId").asString()).isNotBlank();
        }
        // Publishing again is refused: the event is not sent twice for one state change.
        var again = Http.send(HttpRequest.newBuilder(URI.create(appliance.internalWasUrl()
                        + "/api/admin/products/HS-PROPOLIS-SPRAY/publication"))
                .header("Authorization", "Bearer " + token).header("X-Onshore-Operator", "system-test-reviewer").header("X-Onshore-Operator-Roles", "CATALOG_MANAGER")
                .PUT(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(again.statusCode()).isEqualTo(409);
    }

    @Test
    void edgeNeverExposesInternalOnlyPaths() {
        for (var path : List.of("/api/admin/products", "/actuator/env", "/actuator/health", "/realms/operators/.well-known/openid-configuration",
                "/realms/master/.well-known/openid-configuration", "/admin/master/console/", "/API/Admin/products",
                "//api/admin/products", "/api/admin;x=1/products")) {
            assertThat(Http.get(storefront + path).statusCode()).as(path).isEqualTo(404);
        }
        for (var path : List.of("/api/%2e%2e/api/admin/products", "/id-id/%2e%2e/api/admin/products", "/a/..%2fapi")) {
            assertThat(Http.get(storefront + path).statusCode()).as(path).isIn(400, 404);
        }
        assertThat(Http.get(storefront + "/realms/shoppers/.well-known/openid-configuration").statusCode()).isEqualTo(200);
        assertThat(Http.get(storefront + "/actuator/health/readiness").statusCode()).isEqualTo(200);
    }

    @Test
    void shoppersRealmIsServedUnderTheStorefrontsOwnAddress() {
        var discovery = Http.json(Http.get(storefront + "/realms/shoppers/.well-known/openid-configuration"));

        assertThat(discovery.get("issuer").asString()).isEqualTo(storefront + "/realms/shoppers");
        assertThat(discovery.get("authorization_endpoint").asString()).startsWith(storefront + "/realms/shoppers/");
    }

    @Test
    void operatorsRealmRequiresTotpAndLocksOutBruteForce() throws InterruptedException {
        var admin = Tokens.keycloakAdmin(appliance);
        var realm = Http.json(Http.get(appliance.keycloakUrl() + "/admin/realms/operators", "Authorization", "Bearer " + admin));
        assertThat(realm.get("bruteForceProtected").asBoolean()).isTrue();
        assertThat(realm.get("failureFactor").asInt()).isLessThanOrEqualTo(5);
        assertThat(realm.get("registrationAllowed").asBoolean()).isFalse();
        var actions = Http.json(Http.get(appliance.keycloakUrl() + "/admin/realms/operators/authentication/required-actions/CONFIGURE_TOTP",
                "Authorization", "Bearer " + admin));
        assertThat(actions.get("enabled").asBoolean()).isTrue();
        assertThat(actions.get("defaultAction").asBoolean()).isTrue();
        var shoppers = Http.json(Http.get(appliance.keycloakUrl() + "/admin/realms/shoppers", "Authorization", "Bearer " + admin));
        assertThat(shoppers.get("bruteForceProtected").asBoolean()).isTrue();
        assertThat(shoppers.get("registrationAllowed").asBoolean()).isTrue();
        assertThat(shoppers.get("verifyEmail").asBoolean()).isTrue();

        // A throwaway operator (not the demo one other tests log in as) guesses wrong failureFactor times.
        var operators = appliance.keycloakUrl() + "/admin/realms/operators";
        var username = "brute-force-" + UUID.randomUUID();
        var created = Http.send(HttpRequest.newBuilder(URI.create(operators + "/users"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\",\"enabled\":true,"
                        + "\"credentials\":[{\"type\":\"password\",\"value\":\"" + UUID.randomUUID()
                        + "\",\"temporary\":false}]}"))
                .build());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        var user = created.headers().firstValue("Location").orElseThrow();
        var userId = user.substring(user.lastIndexOf('/') + 1);
        var attackDetection = operators + "/attack-detection/brute-force/users/" + userId;
        try {
            var before = Http.json(Http.get(attackDetection, "Authorization", "Bearer " + admin));
            assertThat(before.get("disabled").asBoolean()).isFalse();
            for (int i = 0; i < realm.get("failureFactor").asInt(); i++) {
                var login = Http.form(appliance.keycloakUrl() + "/realms/operators/protocol/openid-connect/token", null,
                        null, Map.of("grant_type", "password", "client_id", "admin-cli", "username", username,
                                "password", "wrong-" + i));
                // Refused either way: 401 while counting, 400 invalid_grant once Keycloak has locked the user out.
                assertThat(login.statusCode()).as(login.body()).isIn(400, 401);
                assertThat(login.body()).contains("invalid_grant");
            }
            // Keycloak may record the last failure just after answering: read until it shows (or 10 s pass).
            var after = Http.json(Http.get(attackDetection, "Authorization", "Bearer " + admin));
            for (var until = Instant.now().plusSeconds(10); !after.get("disabled").asBoolean() && Instant.now().isBefore(until); ) {
                Thread.sleep(200);
                after = Http.json(Http.get(attackDetection, "Authorization", "Bearer " + admin));
            }
            // Locked out within failureFactor failures: Keycloak's quick-login check may lock after fewer rapid ones
            // and then stops counting (attempts of a locked user are refused unread).
            assertThat(after.get("numFailures").asInt()).isBetween(1, realm.get("failureFactor").asInt());
            assertThat(after.get("disabled").asBoolean()).as("locked out: %s", after).isTrue();
        } finally {
            Http.send(HttpRequest.newBuilder(URI.create(user)).header("Authorization", "Bearer " + admin).DELETE().build());
        }
    }
}
