package dev.onshore.was.catalog.search;

import dev.onshore.was.catalog.internal.*;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Every WAS node holds its own search index in its heap, so each follows the catalog's Kafka topics in a consumer
 * group of its own (a group per node: every node sees every event). Only the record key, the SKU, is read: the
 * product is reloaded from the primary (a category or brand change makes the node read the whole tree again and drop its pages), which makes redelivery and events this node published itself harmless.
 * A new node starts from the latest offset because it rebuilt its whole index when it became ready.
 */
@Component
@ConditionalOnProperty(name = "onshore.catalog.follow-other-nodes", havingValue = "true", matchIfMissing = true)
class OtherNodesChanges {

    private static final String CATEGORIES = "onshore.catalog.category-changed";
    private static final String BRANDS = "onshore.catalog.brand-changed";

    private final SearchIndexing indexing;
    private final CategoryChanges categories;

    OtherNodesChanges(SearchIndexing indexing, CategoryChanges categories) {
        this.indexing = indexing;
        this.categories = categories;
    }

    @KafkaListener(id = "catalog-index-follower",
            topics = {"onshore.catalog.product-published", "onshore.catalog.product-suspended",
                    "onshore.catalog.product-changed", CATEGORIES, BRANDS},
            groupId = "onshore-was-index-${onshore.node-id:${random.uuid}}",
            properties = {"auto.offset.reset=latest",
                    "key.deserializer=org.apache.kafka.common.serialization.StringDeserializer",
                    "value.deserializer=org.apache.kafka.common.serialization.ByteArrayDeserializer"})
    void on(ConsumerRecord<String, byte[]> record) {
        if (CATEGORIES.equals(record.topic()) || BRANDS.equals(record.topic())) {
            categories.refresh();
        } else if (record.key() != null && dev.onshore.was.catalog.Sku.parseOrNull(record.key()) != null) {
            indexing.reindex(record.key());
        }
    }
}
