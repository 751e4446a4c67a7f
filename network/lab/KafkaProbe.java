// Lab probe of the real Kafka (run from source: java -cp <devstack classpath> KafkaProbe.java ...).
//   KafkaProbe BOOTSTRAP TOPIC GROUP_PREFIX GROUPS
// Sends one record (key "XX": a market no page uses, value "{}") to TOPIC, then waits up to 90 s until GROUPS
// consumer groups whose id starts with GROUP_PREFIX have committed an offset past it on its partition.
// Prints "offsets: GROUP=COMMITTED" per group and the record's position; exit 0 when enough groups caught up.
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;

void main(String[] args) throws Exception {
    String bootstrap = args[0], topic = args[1], prefix = args[2];
    int wanted = Integer.parseInt(args[3]);
    long offset;
    TopicPartition partition;
    try (var producer = new KafkaProducer<String, String>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
        var sent = producer.send(new ProducerRecord<>(topic, "XX", "{}")).get();
        offset = sent.offset();
        partition = new TopicPartition(topic, sent.partition());
    }
    System.out.println("offsets: record sent to " + partition + " at offset " + offset);
    var committed = new TreeMap<String, Long>();
    var deadline = Instant.now().plus(Duration.ofSeconds(90));
    try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
        while (Instant.now().isBefore(deadline)) {
            committed.clear();
            for (ConsumerGroupListing group : admin.listConsumerGroups().all().get()) {
                if (!group.groupId().startsWith(prefix)) {
                    continue;
                }
                var position = admin.listConsumerGroupOffsets(group.groupId()).partitionsToOffsetAndMetadata().get()
                        .get(partition);
                committed.put(group.groupId(), position == null ? -1 : position.offset());
            }
            if (committed.values().stream().filter(o -> o > offset).count() >= wanted) {
                break;
            }
            Thread.sleep(500);
        }
    }
    committed.forEach((group, position) -> System.out.println("offsets: " + group + " committed " + position));
    long caughtUp = committed.values().stream().filter(o -> o > offset).count();
    System.out.println("offsets: " + caughtUp + " of " + committed.size() + " groups " + prefix + "* past " + offset
            + " (wanted " + wanted + ")");
    System.exit(caughtUp >= wanted ? 0 : 1);
}
