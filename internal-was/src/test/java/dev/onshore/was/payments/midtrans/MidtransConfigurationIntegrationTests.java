package dev.onshore.was.payments.midtrans;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onshore.was.payments.PaymentGateway;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The gateway bean exists only where Midtrans is enabled, and then only with a server key. */
class MidtransConfigurationIntegrationTests {

    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
            .withUserConfiguration(MidtransConfiguration.class)
            // The application's one Clock bean, which the gateway's webhook checks read.
            .withBean(Clock.class, Clock::systemUTC);

    @Test
    void createsNoGatewayUnlessEnabled() {
        contexts.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(PaymentGateway.class));
        contexts.withPropertyValues("onshore.payments.midtrans.enabled=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(PaymentGateway.class));
    }

    @Test
    void createsTheGatewayWithSandboxDefaultsWhenEnabled() {
        contexts.withPropertyValues("onshore.payments.midtrans.enabled=true",
                "onshore.payments.midtrans.server-key=SB-Mid-server-OnshoreTestKey123").run(context -> {
                    assertThat(context).hasSingleBean(PaymentGateway.class);
                    assertThat(context.getBean(PaymentGateway.class).provider()).isEqualTo("midtrans");
                    var properties = context.getBean(MidtransProperties.class);
                    assertThat(properties.snapBaseUrl()).hasToString("https://app.sandbox.midtrans.com");
                    assertThat(properties.apiBaseUrl()).hasToString("https://api.sandbox.midtrans.com");
                    assertThat(properties.confirmWithGetStatus()).isTrue();
                });
    }

    @Test
    void refusesToStartEnabledWithoutAServerKey() {
        contexts.withPropertyValues("onshore.payments.midtrans.enabled=true")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasRootCauseMessage("onshore.payments.midtrans.enabled is true but no usable server key is"
                                + " set (configtree file onshore.payments.midtrans.server-key)"));
    }
}
