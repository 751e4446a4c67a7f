package dev.onshore.systemtests;

import dev.onshore.devstack.Appliance;
import dev.onshore.devstack.Secrets;
import java.util.Map;

/** Tokens from the appliance's real Keycloak. */
final class Tokens {

    private Tokens() {
    }

    /** A client-credentials token of the admin's service account (operators realm, aud onshore-internal-was). */
    static String service(Appliance appliance) {
        return clientCredentials(appliance, "onshore-admin-service",
                appliance.secrets().get(Secrets.Name.SERVICE_CLIENT_SECRET));
    }

    static String clientCredentials(Appliance appliance, String clientId, String secret) {
        var response = Http.form(appliance.keycloakUrl() + "/realms/operators/protocol/openid-connect/token",
                clientId, secret, Map.of("grant_type", "client_credentials"));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Keycloak refused client credentials for " + clientId + ": " + response.body());
        }
        return Http.json(response).get("access_token").asString();
    }

    /** A token of Keycloak's bootstrap admin, for arranging test fixtures through the admin REST API. */
    static String keycloakAdmin(Appliance appliance) {
        var response = Http.form(appliance.keycloakUrl() + "/realms/master/protocol/openid-connect/token", null, null,
                Map.of("grant_type", "password", "client_id", "admin-cli", "username", "admin",
                        "password", appliance.secrets().get(Secrets.Name.KEYCLOAK_ADMIN_PASSWORD)));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Keycloak admin login failed: " + response.body());
        }
        return Http.json(response).get("access_token").asString();
    }
}
