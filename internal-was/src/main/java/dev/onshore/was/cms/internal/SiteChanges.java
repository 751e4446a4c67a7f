package dev.onshore.was.cms.internal;

import dev.onshore.was.shared.AfterCommit;
import dev.onshore.was.cms.SiteContentChanged;
import dev.onshore.was.cms.SiteViewsChanged;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.context.event.EventListener;

/**
 * Tells this node's page renderers that a site changed: right after a local change commits, and when another node's
 * change arrives from Kafka (a consumer group per node, so every node sees every change; the key is the market).
 * A node also receives its own changes back from Kafka; a second signal only drops a few cached pages twice.
 *
 * <p>The local signal is sent once the transaction committed ({@link AfterCommit}, which says why not a
 * {@code @TransactionalEventListener}).
 */
@Component
class SiteChanges {

    private final ApplicationEventPublisher events;

    SiteChanges(ApplicationEventPublisher events) {
        this.events = events;
    }

    @EventListener
    void changed(SiteContentChanged event) {
        var signal = new SiteViewsChanged(event.market());
        AfterCommit.run(() -> events.publishEvent(signal));
    }

    @KafkaListener(id = "cms-site-follower", topics = "onshore.cms.site-changed",
            groupId = "onshore-was-cms-${onshore.node-id:${random.uuid}}",
            autoStartup = "${onshore.catalog.follow-other-nodes:true}",
            properties = {"auto.offset.reset=latest",
                    "key.deserializer=org.apache.kafka.common.serialization.StringDeserializer",
                    "value.deserializer=org.apache.kafka.common.serialization.ByteArrayDeserializer"})
    void elsewhere(ConsumerRecord<String, byte[]> record) {
        if (record.key() != null && record.key().matches("[A-Z]{2}")) {
            events.publishEvent(new SiteViewsChanged(record.key()));
        }
    }
}
