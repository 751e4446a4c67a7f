package dev.onshore.was.accounts.realm;

import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The client internal-was deletes erased shoppers' users with (docs/security/account-deletion.md).
 *
 * @param realm        the shoppers realm's name
 * @param clientId     its confidential client with a service account holding only {@code manage-users}
 * @param clientSecret that client's secret, generated at install (devstack, the lab's configtree, the Ansible vault);
 *                     blank: not configured, erased shoppers' users stay for an operator to delete
 * @param timeout      connect and read timeout of each call to Keycloak (the listener runs after the erasure
 *                     answered, so a slow Keycloak delays nobody; a call cut short is retried)
 */
@Validated
@ConfigurationProperties("onshore.accounts.shopper-realm")
record ShopperRealmProperties(@DefaultValue("shoppers") @NotBlank String realm,
        @DefaultValue("onshore-account-erasure") @NotBlank String clientId, @Nullable String clientSecret,
        @DefaultValue("30s") Duration timeout) {

    boolean configured() {
        return clientSecret != null && !clientSecret.isBlank();
    }

    @Override
    public String toString() {
        return "ShopperRealmProperties[realm=" + realm + ", clientId=" + clientId + ", clientSecret="
                + (configured() ? "(set)" : "(not set)") + ", timeout=" + timeout + "]";
    }
}
