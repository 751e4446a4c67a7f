package dev.onshore.was.payments.midtrans;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Midtrans gateway, only where {@code onshore.payments.midtrans.enabled} is true (the Indonesian shop's nodes);
 * it refuses to start without a server key rather than failing at the first payment.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("onshore.payments.midtrans.enabled")
@EnableConfigurationProperties(MidtransProperties.class)
class MidtransConfiguration {

    @Bean
    MidtransGateway midtransGateway(MidtransProperties properties, Clock clock) {
        return new MidtransGateway(properties, clock);
    }
}
