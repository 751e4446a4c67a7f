package dev.onshore.was;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.onshore.was.cms.SiteViewsChanged;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The topics a node creates for its events, and the Kafka consumers' lag as Prometheus reads it from /actuator/prometheus: Spring Boot binds every consumer of the
 * auto-configured consumer factory to Micrometer, and the consumer reports, per partition, how far its position is
 * behind the partition's end. Runs this node's followers against a real broker; the cms follower is held inside its
 * listener (a slow page cache, say) while records wait behind it.
 */
@SpringBootTest(properties = {"onshore.catalog.follow-other-nodes=true", "onshore.node-id=lag-it",
        "spring.kafka.consumer.max-poll-records=1", "onshore.kafka.client-metrics-refresh=PT2S"})
@AutoConfigureMockMvc
@ActiveProfiles({"demo", "it"})
class KafkaConsumerLagIntegrationTests {

    private static final Logger log = LoggerFactory.getLogger(KafkaConsumerLagIntegrationTests.class);

    private static final String TOPIC = "onshore.cms.site-changed";

    /** A market no local change signals, so that only these records reach the stalled listener. */
    private static final String MARKET = "XX";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
        TestKafka.register(registry);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    SlowPageCache slowPageCache;

    @AfterEach
    void releaseTheListener() {
        slowPageCache.release.countDown();
    }

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Test
    void consumerLagPerTopicAndPartitionIsExportedToPrometheus() throws Exception {
        // Caught up: the consumer fetched once (so its position is set) and reports no lag. The client creates its
        // per-partition lag metric at its first fetch of the partition (after the group join, which takes long on a
        // loaded machine); Micrometer binds new client metrics on its next refresh (onshore.kafka.client-metrics-refresh,
        // 2 s here, a minute by default). So wait for the client's metric first, then for its export, each on its own
        // state rather than on one clock.
        awaitClientLagMetric(TOPIC);
        awaitMetric(lagOf(TOPIC), value -> value == 0.0);

        // In one batch, appended to the log at once: a fetch sees all five records or none. (Sent one by one, a fetch
        // already waiting at the broker could return the first alone, and the lag would read 0.)
        try (var producer = new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ProducerConfig.LINGER_MS_CONFIG, 60_000,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            var sent = new ArrayList<Future<RecordMetadata>>();
            for (int i = 0; i < 5; i++) {
                sent.add(producer.send(new ProducerRecord<>(TOPIC, MARKET, "{}")));
            }
            producer.flush();
            for (var record : sent) {
                record.get(30, TimeUnit.SECONDS);
            }
        }
        assertThat(slowPageCache.entered.await(60, TimeUnit.SECONDS)).as("the follower received the first record").isTrue();

        // One record handed to the listener (max.poll.records=1), four fetched behind it.
        var lag = awaitMetric(lagOf(TOPIC), value -> value == 4.0);
        log.info("Exported: {}", lag);
        assertThat(lag).contains("client_id=\"consumer-onshore-was-cms-lag-it-").contains("partition=\"");
        awaitMetric(Pattern.compile("^kafka_consumer_fetch_manager_records_lag_max\\{[^}]*topic=\"" + Pattern.quote(TOPIC)
                + "\"[^}]*\\} (\\S+)$", Pattern.MULTILINE), value -> value == 4.0);
    }

    @Test
    void everyTopicThisNodesEventsGoToExistsOnTheBrokerThatCreatesNone() throws Exception {
        // The test broker, like the appliance's, creates no topic on first use: these exist because this node made
        // them at start (KafkaTopics), with the configured partitions and the broker's replicas.
        var topics = KafkaTopics.externalized();
        assertThat(topics).contains("onshore.orders.order-paid", "onshore.catalog.category-changed",
                "onshore.cms.site-changed").allSatisfy(topic -> assertThat(topic).doesNotContain("::"));
        try (var admin = org.apache.kafka.clients.admin.Admin.create(Map.<String, Object>of(
                org.apache.kafka.clients.admin.AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestKafka.bootstrapServers()))) {
            var described = admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS);
            assertThat(described.keySet()).containsExactlyInAnyOrderElementsOf(topics);
            assertThat(described.values()).allSatisfy(topic -> assertThat(topic.partitions()).hasSize(3));
        }
    }

    private static Pattern lagOf(String topic) {
        return Pattern.compile("^kafka_consumer_fetch_manager_records_lag\\{[^}]*topic=\"" + Pattern.quote(topic)
                + "\"[^}]*\\} (\\S+)$", Pattern.MULTILINE);
    }

    /**
     * Until the cms follower's Kafka client has a records-lag metric for a partition of the topic. Bounded only
     * against a hang: the group join and first fetch normally take seconds.
     */
    private void awaitClientLagMetric(String topic) throws InterruptedException {
        var container = listeners.getListenerContainer("cms-site-follower");
        assertThat(container).as("the cms follower's listener container").isNotNull();
        var deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            boolean fetched = container.metrics().values().stream().flatMap(metrics -> metrics.keySet().stream())
                    .anyMatch(name -> name.name().equals("records-lag") && topic.equals(name.tags().get("topic")));
            if (fetched) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("The cms follower never fetched from " + topic + ": no records-lag metric");
    }

    /**
     * The first exported line the pattern matches whose value satisfies the condition, within 90 s: a bound against
     * a hang, far above Micrometer's refresh of the Kafka client metrics (2 s here).
     */
    private String awaitMetric(Pattern line, Predicate<Double> condition) throws Exception {
        var deadline = Instant.now().plus(Duration.ofSeconds(90));
        String body = "";
        while (Instant.now().isBefore(deadline)) {
            body = mvc.perform(get("/actuator/prometheus")).andReturn().getResponse().getContentAsString();
            var matcher = line.matcher(body);
            while (matcher.find()) {
                if (condition.test(Double.parseDouble(matcher.group(1)))) {
                    return matcher.group();
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("No line like " + line + " with the expected value in:\n"
                + body.lines().filter(l -> l.startsWith("kafka_consumer_fetch_manager_records_lag")).toList());
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Stalling {

        @Bean
        SlowPageCache slowPageCache() {
            return new SlowPageCache();
        }
    }

    /** Holds the Kafka listener thread that signals the test's market until the test lets it go. */
    static class SlowPageCache {

        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @EventListener
        void on(SiteViewsChanged changed) throws InterruptedException {
            if (!MARKET.equals(changed.market())) {
                return;
            }
            entered.countDown();
            release.await(60, TimeUnit.SECONDS);
        }
    }
}
