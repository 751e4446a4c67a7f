package dev.onshore.was.accounts.realm;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * Users of the shoppers realm, as far as erasure needs them: deleting one (see the package documentation for why
 * delete). The service account's token is cached until shortly before it expires.
 */
@Component
@EnableConfigurationProperties(ShopperRealmProperties.class)
public class ShopperRealmUsers {

    private final ShopperRealmProperties properties;
    private final RestClient rest;
    private final Clock clock;
    private @Nullable String token;
    private Instant tokenExpiresAt = Instant.EPOCH;

    ShopperRealmUsers(ShopperRealmProperties properties, @Value("${onshore.identity.keycloak-url}") String keycloakUrl,
            Clock clock) {
        this.properties = properties;
        this.clock = clock;
        var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        var requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(properties.timeout());
        this.rest = RestClient.builder().requestFactory(requests).baseUrl(URI.create(keycloakUrl)).build();
    }

    /** Whether a client secret is configured; without one nothing is deleted and an operator does it. */
    public boolean configured() {
        return properties.configured();
    }

    /**
     * Deletes the user; a user that is already gone counts as deleted.
     *
     * @throws ShopperRealmUnavailableException when Keycloak cannot be reached or refuses (retry later)
     */
    public void delete(String subject) {
        try {
            rest.delete().uri("/admin/realms/{realm}/users/{id}", properties.realm(), subject)
                    .header("Authorization", "Bearer " + token()).retrieve()
                    .onStatus(status -> status.value() == HttpStatus.NOT_FOUND.value(), (request, response) -> { })
                    .toBodilessEntity();
        } catch (RestClientResponseException e) {
            if (e.getStatusCode().value() == HttpStatus.UNAUTHORIZED.value()) {
                forgetToken();
            }
            throw new ShopperRealmUnavailableException("Keycloak refused to delete the user: HTTP "
                    + e.getStatusCode().value(), e);
        } catch (RestClientException e) {
            throw new ShopperRealmUnavailableException("Keycloak is not reachable: " + e.getMessage(), e);
        }
    }

    private synchronized String token() {
        var now = clock.instant();
        if (token != null && now.isBefore(tokenExpiresAt)) {
            return token;
        }
        var form = new LinkedMultiValueMap<String, String>();
        form.add("grant_type", "client_credentials");
        form.add("client_id", properties.clientId());
        form.add("client_secret", Objects.requireNonNull(properties.clientSecret(), "client secret"));
        var response = rest.post().uri("/realms/{realm}/protocol/openid-connect/token", properties.realm())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form).retrieve().body(TokenResponse.class);
        if (response == null || response.accessToken() == null) {
            throw new ShopperRealmUnavailableException("Keycloak answered no access token", null);
        }
        token = response.accessToken();
        // Renewed 30 s early, so that a token never expires between this check and Keycloak's.
        tokenExpiresAt = now.plusSeconds(Math.max(0, response.expiresIn() - 30));
        return token;
    }

    private synchronized void forgetToken() {
        token = null;
    }

    /** The token endpoint's answer (RFC 6749, 5.1). */
    record TokenResponse(@JsonProperty("access_token") @Nullable String accessToken,
            @JsonProperty("expires_in") long expiresIn) {
    }
}
