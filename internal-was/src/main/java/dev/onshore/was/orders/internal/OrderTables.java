package dev.onshore.was.orders.internal;

import dev.onshore.was.pii.PiiTable;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The orders' table with encrypted columns, so that key rotation re-encrypts it. */
@Configuration(proxyBeanMethods = false)
class OrderTables {

    @Bean
    PiiTable shopOrderPii() {
        return new PiiTable("shop_order", "id", List.of("ship_to", "email", "return_note", "exchange_note"));
    }
}
