package org.mudbackbone.world.engine;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.mudbackbone.broker.client.ClientPresets;
import org.mudbackbone.broker.topic.Topic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which world instance is active: every instance is a member of one consumer group on the lock
 * topic, and the member holding its only partition leads. When the leader stops, its member leaves
 * the group at once; when it crashes, the group notices after the session timeout. Either way a
 * standby is assigned the partition. Leading only says who may try: the shared transactional ID is
 * what makes sure an old leader can never commit again.
 */
final class Leadership implements ConsumerRebalanceListener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Leadership.class);

    private final Properties config;
    private final Topic lock;
    private Consumer<String, byte[]> consumer;
    private volatile boolean held;
    private boolean released;

    Leadership(String bootstrapServers, Topic lock, String groupId, String instance, String staticId,
            int sessionTimeoutMs) {
        this.config = ClientPresets.leaderElection(bootstrapServers, groupId, instance, staticId, sessionTimeoutMs);
        this.lock = lock;
        join();
    }

    private void join() {
        consumer = new KafkaConsumer<>(config);
        consumer.subscribe(List.of(lock.name()), this);
    }

    /**
     * Gives the lead up and rejoins as a fresh member. For a world that was fenced: someone else
     * holds the transactional ID, so whatever this member believes about the lead is stale, and only
     * the group can say again who leads.
     */
    void abdicate() {
        held = false;
        leave();
        join();
    }

    private void leave() {
        // leave the group now (a static member too): a standby leads without waiting for a timeout
        // bounded: a broker that is away must not hold up a new term or a shutdown (the group then
        // notices the departure after the session timeout instead)
        consumer.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(Duration.ofSeconds(2)));
    }

    /** Waits to lead, doing {@code meanwhile} between checks; false if {@code closed} came first. */
    boolean await(BooleanSupplier closed, Runnable meanwhile) {
        while (!held && !closed.getAsBoolean()) {
            consumer.poll(Duration.ofMillis(50));
            meanwhile.run();
        }
        return held;
    }

    /** Keeps the membership alive and learns of a lost lead; call between batches. */
    boolean keep() {
        consumer.poll(Duration.ZERO);
        return held;
    }

    boolean held() {
        return held;
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        if (!partitions.isEmpty()) {
            held = true;
            LOG.info("this world instance leads now");
        }
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        if (!partitions.isEmpty()) {
            held = false;
            LOG.info("this world instance no longer leads");
        }
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
        held = false;
        LOG.warn("this world instance lost the lead (its group membership expired)");
    }

    /** Gives the lead up now, for good: the last thing a stopping active world does after its last commit. */
    void release() {
        if (!released) {
            released = true;
            held = false;
            leave();
        }
    }

    @Override
    public void close() {
        release();
    }
}
