package org.mudbackbone.world.engine;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.mudbackbone.broker.client.ClientPresets;
import org.mudbackbone.broker.client.TopicPartitions;
import org.mudbackbone.broker.topic.Topic;
import org.mudbackbone.world.model.WorldObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Rebuilds the world's memory by reading the state topic from the start to its (committed) end. */
public final class StateLoader {

    private static final Logger LOG = LoggerFactory.getLogger(StateLoader.class);

    private StateLoader() {}

    public static WorldState load(String bootstrapServers, Topic stateTopic) {
        long started = System.nanoTime();
        WorldState state = new WorldState();
        long records = 0;
        try (Consumer<String, byte[]> consumer =
                new KafkaConsumer<>(ClientPresets.stateReader(bootstrapServers, "world-state-loader"))) {
            List<TopicPartition> partitions = TopicPartitions.of(consumer, stateTopic, Duration.ofSeconds(60));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            // read_committed: the end is the last stable offset, after which nothing is committed yet
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    records++;
                    if (record.value() == null) {
                        state.load(record.key(), null);
                    } else {
                        WorldObject.CODEC.decode(record.value()).ifPresent(o -> state.load(record.key(), o));
                    }
                }
            }
        }
        LOG.info("state loaded: {} objects from {} records in {} ms", state.size(), records,
                (System.nanoTime() - started) / 1_000_000);
        return state;
    }
}
