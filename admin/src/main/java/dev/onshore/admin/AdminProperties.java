package dev.onshore.admin;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param internalWasUrl the internal WAS's admin API
 * @param keycloakUrl Keycloak as both the operator's browser and this app reach it (operators' network)
 * @param realm the operators realm
 */
@Validated
@ConfigurationProperties("onshore.admin")
record AdminProperties(@NotBlank String internalWasUrl, @NotBlank String keycloakUrl, @NotBlank String realm) {

    String issuer() {
        return keycloakUrl.replaceAll("/+$", "") + "/realms/" + realm;
    }
}
