package dev.onshore.was;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.consumer.Consumer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.MicrometerConsumerListener;

/**
 * How soon a Kafka consumer's new metrics reach /actuator/prometheus. Micrometer binds the metrics a client creates
 * later (the records-lag of each partition, created at its first fetch) on a refresh, every 60 s by default; this
 * node's consumers refresh every {@code onshore.kafka.client-metrics-refresh} instead. Spring Boot's consumer metrics
 * listener is replaced by one that differs only in that interval.
 */
@Configuration(proxyBeanMethods = false)
class KafkaClientMetricsRefresh {

    @Bean
    static BeanPostProcessor kafkaConsumerMetricsEvery(ObjectProvider<MeterRegistry> registry,
            @Value("${onshore.kafka.client-metrics-refresh:PT60S}") Duration refresh) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof DefaultKafkaConsumerFactory<?, ?> factory) {
                    replace(factory, registry.getObject(), refresh);
                }
                return bean;
            }
        };
    }

    private static <K, V> void replace(DefaultKafkaConsumerFactory<K, V> factory, MeterRegistry registry,
            Duration refresh) {
        var boots = factory.getListeners().stream().filter(MicrometerConsumerListener.class::isInstance).toList();
        if (boots.isEmpty()) {
            return; // no metrics listener to begin with (no registry): none is added
        }
        boots.forEach(factory::removeListener);
        // One daemon thread refreshes every consumer's metrics (Boot's listener gives each client its own).
        var refresher = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("kafka-client-metrics").factory());
        factory.addListener(new MicrometerConsumerListener<K, V>(registry) {
            @Override
            protected MeterBinder createClientMetrics(Consumer<K, V> consumer, List<Tag> tags) {
                return new KafkaClientMetrics(consumer, tags, refresher, refresh);
            }
        });
    }
}
