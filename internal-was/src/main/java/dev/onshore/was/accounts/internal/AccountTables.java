package dev.onshore.was.accounts.internal;

import dev.onshore.was.pii.PiiTable;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The accounts' tables with encrypted columns, so that key rotation re-encrypts them. */
@Configuration(proxyBeanMethods = false)
class AccountTables {

    @Bean
    PiiTable shopperProfilePii() {
        return new PiiTable("shopper_profile", "subject", List.of("display_name", "phone", "email"));
    }

    @Bean
    PiiTable shopperAddressPii() {
        return new PiiTable("shopper_address", "id", List.of("fields"));
    }

    @Bean
    PiiTable accountErasurePii() {
        return new PiiTable("account_erasure", "id", List.of("email"));
    }
}
