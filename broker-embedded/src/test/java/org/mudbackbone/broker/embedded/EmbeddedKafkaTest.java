package org.mudbackbone.broker.embedded;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mudbackbone.broker.client.ClientPresets;
import org.mudbackbone.broker.message.JsonCodec;
import org.mudbackbone.broker.message.PlayerInput;
import org.mudbackbone.broker.testing.EmbeddedKafkaExtension;
import org.mudbackbone.broker.testing.KafkaBroker;
import org.mudbackbone.broker.topic.Topic;
import org.mudbackbone.broker.topic.TopicProvisioner;
import org.mudbackbone.broker.topic.TopicSettings;
import org.mudbackbone.broker.topic.Topics;

@ExtendWith(EmbeddedKafkaExtension.class)
class EmbeddedKafkaTest {

    @Test
    void provisioningIsIdempotent(KafkaBroker broker) {
        var provisioner = new TopicProvisioner(broker.bootstrapServers(), TopicSettings.SINGLE_NODE);
        Topics catalogue = new Topics("provision-test");
        List<Topic> topics = List.of(catalogue.input(), catalogue.output("gw"));

        provisioner.ensure(topics);
        List<String> second = provisioner.ensure(topics);

        assertTrue(second.isEmpty(), "second run creates nothing: " + second);
    }

    @Test
    void provisioningGivesATopicMadeByAnOlderReleaseTheCataloguesSettings(KafkaBroker broker) throws Exception {
        var provisioner = new TopicProvisioner(broker.bootstrapServers(), TopicSettings.SINGLE_NODE);
        Topic state = new Topics("converge-test").state();
        Map<String, String> older = new java.util.HashMap<>(state.config());
        older.remove(TopicConfig.SEGMENT_MS_CONFIG);
        older.put(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "4096"); // an operator's own setting
        provisioner.ensure(List.of(new Topic(state.name(), state.partitions(), older)));

        provisioner.ensure(List.of(state));

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, state.name());
            // the broker applies a config change from its metadata log a moment after the change is accepted
            await().atMost(Duration.ofSeconds(20)).until(() -> admin.describeConfigs(List.of(resource)).all().get()
                    .get(resource).get(TopicConfig.SEGMENT_MS_CONFIG).value(),
                    value -> value.equals(state.config().get(TopicConfig.SEGMENT_MS_CONFIG)));
            Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
            assertEquals("4096", config.get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG).value(), "left as the operator set it");
        }
    }

    @Test
    void aPublishedInputIsReadBackCommitted(KafkaBroker broker) {
        Topic topic = new Topics("roundtrip-test").output("gw");
        new TopicProvisioner(broker.bootstrapServers(), TopicSettings.SINGLE_NODE).ensure(List.of(topic));
        var line = new PlayerInput.Line("s1", "gw", 1, 42, "look");

        try (var producer = new KafkaProducer<String, byte[]>(ClientPresets.inputProducer(broker.bootstrapServers(), "t"))) {
            producer.send(new ProducerRecord<>(topic.name(), "s1", JsonCodec.INPUT.encode(line)));
        }
        List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
        try (var consumer = new KafkaConsumer<String, byte[]>(ClientPresets.outputConsumer(broker.bootstrapServers(), "t"))) {
            TopicPartition partition = new TopicPartition(topic.name(), 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (seen.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            }
        }

        assertEquals(1, seen.size());
        assertEquals(Map.entry("s1", line), Map.entry(seen.get(0).key(), JsonCodec.INPUT.decode(seen.get(0).value()).orElseThrow()));
    }

    @Test
    void anExistingTopicWhoseShapeDiffersIsReported(KafkaBroker broker) {
        Topic wanted = new Topic("shape-" + System.nanoTime(), 8, Map.of());
        var provisioner = new TopicProvisioner(broker.bootstrapServers(), TopicSettings.SINGLE_NODE);
        provisioner.ensure(List.of(new Topic(wanted.name(), 2, Map.of())));

        provisioner.ensure(List.of(wanted));

        assertEquals(1, provisioner.differences().size(), provisioner.differences().toString());
        assertTrue(provisioner.differences().get(0).contains("2 partitions (the catalogue says 8)"),
                provisioner.differences().toString());
    }
}
