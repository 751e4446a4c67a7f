package dev.onshore.edge;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The edge's policy.
 *
 * @param internalWasUrl the internal L4 VIP (one node in the demo)
 * @param keycloakUrl where the shoppers realm's pages are proxied to
 * @param trustedProxies CIDR blocks of the WAF and L4 hops whose X-Forwarded-For entries are believed
 * @param blockedPaths path prefixes that never leave the DMZ (admin APIs, actuators, Keycloak admin)
 * @param passKey signs waiting-room passes; never printed
 */
@Validated
@ConfigurationProperties("onshore.gateway")
record EdgeProperties(@NotBlank String internalWasUrl, @NotBlank String keycloakUrl,
        @NotEmpty List<String> trustedProxies, @NotEmpty List<String> blockedPaths, String passKey) {

    @Override
    public String toString() {
        return "EdgeProperties[internalWasUrl=" + internalWasUrl + ", keycloakUrl=" + keycloakUrl
                + ", trustedProxies=" + trustedProxies + ", blockedPaths=" + blockedPaths + ", passKey=(secret)]";
    }
}
