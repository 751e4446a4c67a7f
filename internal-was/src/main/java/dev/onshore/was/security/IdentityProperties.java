package dev.onshore.was.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.net.URI;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where tokens come from and what they must say.
 *
 * @param keycloakUrl where this node reaches Keycloak (JWKS), not necessarily what browsers see
 * @param shopperIssuer the exact {@code iss} of shopper tokens (the public URL of the shoppers realm)
 * @param operatorIssuer the exact {@code iss} of operator and service tokens
 * @param audience the {@code aud} every accepted token must contain
 * @param algorithms signing algorithms accepted; anything else (none, HS256 with a public key...) is refused
 */
@Validated
@ConfigurationProperties("onshore.identity")
record IdentityProperties(@NotBlank String keycloakUrl, @NotBlank String shopperIssuer,
        @NotBlank String operatorIssuer, @NotBlank String audience, @NotEmpty List<String> algorithms) {

    String jwkSetUri(String issuer) {
        var path = URI.create(issuer).getPath();
        var realm = path.substring(path.lastIndexOf('/') + 1);
        return keycloakUrl.replaceAll("/+$", "") + "/realms/" + realm + "/protocol/openid-connect/certs";
    }
}
