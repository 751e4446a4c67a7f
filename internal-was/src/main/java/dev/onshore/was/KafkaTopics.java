package dev.onshore.was;

import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.modulith.events.Externalized;
import org.springframework.util.ClassUtils;

/**
 * The Kafka topics this node's events go to, created at start by Spring Kafka's {@link KafkaAdmin} when they do not
 * exist yet: the appliance's brokers do not create topics on first use ({@code auto.create.topics.enable=false} in
 * the kafka role, and in the demo's and the tests' broker, so that they behave alike). The names are read from the
 * {@code @Externalized} events themselves (the part before {@code ::}), so a new event cannot forget its topic.
 * Partitions from {@code onshore.events.kafka-partitions}; replicas and {@code min.insync.replicas} are the
 * brokers' defaults (3 and 2 in the kafka role, 1 in the demo). Every node asks; the first one creates them.
 */
@Configuration(proxyBeanMethods = false)
class KafkaTopics {

    @Bean
    KafkaAdmin.NewTopics onshoreTopics(@Value("${onshore.events.kafka-partitions:3}") int partitions) {
        return new KafkaAdmin.NewTopics(externalized().stream()
                .map(name -> TopicBuilder.name(name).partitions(partitions).build()).toArray(NewTopic[]::new));
    }

    /** The topics of every {@code @Externalized} event under {@code dev.onshore.was}. */
    static SortedSet<String> externalized() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return true; // records, interfaces: whatever carries the annotation
            }
        };
        scanner.addIncludeFilter(new AnnotationTypeFilter(Externalized.class));
        var topics = new TreeSet<String>();
        for (var definition : scanner.findCandidateComponents(KafkaTopics.class.getPackageName())) {
            var type = ClassUtils.resolveClassName(definition.getBeanClassName(), KafkaTopics.class.getClassLoader());
            var target = AnnotatedElementUtils.findMergedAnnotation(type, Externalized.class).target();
            var cut = target.indexOf("::");
            topics.add(cut < 0 ? target : target.substring(0, cut));
        }
        return topics;
    }
}
