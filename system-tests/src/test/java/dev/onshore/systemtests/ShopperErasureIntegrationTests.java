package dev.onshore.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onshore.devstack.Appliance;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Erasing an account closes the shopper's login in the real Keycloak: internal-was deletes the shoppers realm user
 * with the {@code onshore-account-erasure} client, whose service account may manage users and nothing else.
 */
@ExtendWith(RunningAppliance.class)
class ShopperErasureIntegrationTests {

    private static Appliance appliance;

    @BeforeAll
    static void appliance() {
        appliance = RunningAppliance.appliance();
    }

    @Test
    void erasedShopperCannotLogInAgain() throws InterruptedException {
        var client = loginClient();
        var email = "erase-" + UUID.randomUUID().toString().substring(0, 8) + "@onshore.test";
        var password = "Erase-" + UUID.randomUUID();
        var created = adminSend("POST", "/users", Map.of("username", email, "email", email, "emailVerified", true,
                "enabled", true, "firstName", "Dewi", "lastName", "Lestari",
                "credentials", List.of(Map.of("type", "password", "value", password, "temporary", false))));
        assertThat(created.statusCode()).isEqualTo(201);
        var userId = created.headers().firstValue("Location").orElseThrow().replaceAll(".*/", "");
        var login = login(client, email, password);
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);

        var erased = Http.send(HttpRequest.newBuilder(URI.create(appliance.storefrontUrl() + "/api/shop/v1/account/erasure"))
                .header("Authorization", "Bearer " + Http.json(login).get("access_token").asString())
                .header("Content-Type", "application/json").header("Accept-Language", "id-ID")
                .POST(HttpRequest.BodyPublishers.ofString("{\"confirm\": true}")).build());
        assertThat(erased.statusCode()).as(erased.body()).isEqualTo(200);

        var deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (adminGet("/users/" + userId).statusCode() != 404 && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
        }
        assertThat(adminGet("/users/" + userId).statusCode()).as("the realm user after erasure").isEqualTo(404);
        var again = login(client, email, password);
        assertThat(again.statusCode()).isIn(400, 401);
        assertThat(Http.json(again).get("error").asString()).isEqualTo("invalid_grant");
    }

    @Test
    void erasureClientMayManageUsersAndNothingElse() {
        var clients = Http.json(adminGet("/clients?clientId=onshore-account-erasure"));
        assertThat(clients.size()).isEqualTo(1);
        var client = clients.get(0);
        assertThat(client.get("publicClient").asBoolean()).isFalse();
        assertThat(client.get("serviceAccountsEnabled").asBoolean()).isTrue();
        assertThat(client.get("standardFlowEnabled").asBoolean()).isFalse();
        assertThat(client.get("directAccessGrantsEnabled").asBoolean()).isFalse();
        var account = Http.json(adminGet("/clients/" + client.get("id").asString() + "/service-account-user"));

        var mappings = Http.json(adminGet("/users/" + account.get("id").asString() + "/role-mappings"));

        var realmRoles = new ArrayList<String>();
        if (mappings.has("realmMappings")) {
            mappings.get("realmMappings").forEach(role -> realmRoles.add(role.get("name").asString()));
        }
        assertThat(realmRoles).isEmpty();
        var clientRoles = new ArrayList<String>();
        mappings.get("clientMappings").properties().forEach(entry -> entry.getValue().get("mappings")
                .forEach(role -> clientRoles.add(entry.getKey() + ":" + role.get("name").asString())));
        assertThat(clientRoles).containsExactly("realm-management:manage-users");
    }

    /** A throw-away public client of the shoppers realm that may log in with a password (the storefront may not). */
    private static String loginClient() {
        var clientId = "system-test-login-" + UUID.randomUUID().toString().substring(0, 8);
        var created = adminSend("POST", "/clients", Map.of("clientId", clientId, "publicClient", true,
                "standardFlowEnabled", false, "directAccessGrantsEnabled", true,
                "protocolMappers", List.of(Map.of("name", "internal-was audience", "protocol", "openid-connect",
                        "protocolMapper", "oidc-audience-mapper", "config", Map.of(
                                "included.custom.audience", "onshore-internal-was", "access.token.claim", "true",
                                "id.token.claim", "false")))));
        assertThat(created.statusCode()).isEqualTo(201);
        return clientId;
    }

    private static HttpResponse<String> login(String clientId, String username, String password) {
        return Http.form(appliance.keycloakUrl() + "/realms/shoppers/protocol/openid-connect/token", null, null,
                Map.of("grant_type", "password", "client_id", clientId, "username", username, "password", password,
                        "scope", "openid email"));
    }

    private static HttpResponse<String> adminGet(String path) {
        return Http.get(appliance.keycloakUrl() + "/admin/realms/shoppers" + path, "Authorization", "Bearer " + Tokens.keycloakAdmin(appliance));
    }

    private static HttpResponse<String> adminSend(String method, String path, Object body) {
        return Http.send(HttpRequest.newBuilder(URI.create(appliance.keycloakUrl() + "/admin/realms/shoppers" + path))
                .header("Authorization", "Bearer " + Tokens.keycloakAdmin(appliance)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(Http.JSON.writeValueAsString(body))).build());
    }
}
