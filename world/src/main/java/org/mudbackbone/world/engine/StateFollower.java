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

/**
 * Builds the world's memory from the state topic (committed records only), from the start. A
 * standby keeps following it while it waits, so that on takeover only the last few records remain
 * to be read: the hot in hot standby. The memory it builds is handed over once, to the active loop,
 * which from then on applies its own commits.
 */
final class StateFollower implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StateFollower.class);

    private final Consumer<String, byte[]> consumer;
    private final List<TopicPartition> partitions;
    private final WorldState state = new WorldState();
    private final long started = System.nanoTime();
    private long records;
    private boolean warm;
    private Map<TopicPartition, Long> warmTarget;

    StateFollower(String bootstrapServers, Topic stateTopic) {
        consumer = new KafkaConsumer<>(ClientPresets.stateReader(bootstrapServers, "world-state-follower"));
        partitions = TopicPartitions.of(consumer, stateTopic, Duration.ofSeconds(60));
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Reads what has been committed since the last call, waiting at most {@code timeout}. */
    void follow(Duration timeout) {
        var polled = consumer.poll(timeout);
        for (ConsumerRecord<String, byte[]> record : polled) {
            records++;
            if (record.value() == null) {
                state.load(record.key(), null);
            } else {
                WorldObject.CODEC.decode(record.value()).ifPresent(o -> state.load(record.key(), o));
            }
        }
        if (!warm && reached(warmTarget())) {
            warm = true;
            LOG.info("standby warm: {} objects in memory from {} records, {} ms after this world began reading state",
                    state.size(), records, (System.nanoTime() - started) / 1_000_000);
        }
    }

    /**
     * The end of the state topic as it was when this follower first looked: once read up to there,
     * the standby is warm. An end read once, not an empty poll: while players play, state is written
     * all the time and a poll is never empty, yet what remains after the target is a few records.
     */
    private Map<TopicPartition, Long> warmTarget() {
        if (warmTarget == null) {
            warmTarget = consumer.endOffsets(partitions);
        }
        return warmTarget;
    }

    /**
     * Reads to the end as it is now and returns the memory. Call after {@code initTransactions}: then
     * the end (the last stable offset) is final, since no other world can commit any more.
     *
     * @param meanwhile run between polls (keeps the leader group's membership alive through a long read)
     */
    WorldState catchUp(Runnable meanwhile) {
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        while (!reached(end)) {
            follow(Duration.ofMillis(100));
            meanwhile.run();
        }
        LOG.info("state ready: {} objects from {} records, {} ms after this world began reading it",
                state.size(), records, (System.nanoTime() - started) / 1_000_000);
        return state;
    }

    private boolean reached(Map<TopicPartition, Long> end) {
        return partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
    }

    boolean warm() {
        return warm;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
