package org.mudbackbone.world.engine;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.WakeupException;
import org.mudbackbone.broker.client.ClientPresets;
import org.mudbackbone.broker.client.TopicPartitions;
import org.mudbackbone.broker.message.JsonCodec;
import org.mudbackbone.broker.message.PlayerInput;
import org.mudbackbone.broker.message.WorldSignal;
import org.mudbackbone.broker.topic.Topic;
import org.mudbackbone.broker.topic.TopicProvisioner;
import org.mudbackbone.broker.topic.Topics;
import org.mudbackbone.world.model.Room;
import org.mudbackbone.world.model.WorldObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The world's consume-process-produce loop, after Apache Kafka's ExactlyOnceMessageProcessor: each
 * poll is one transaction holding the state changes, the output, a heartbeat when one is due, and
 * the consumed offsets, so an input takes effect exactly once.
 *
 * <p>An instance stands by until it leads ({@link Leadership}), then becomes active: it fences any
 * older instance ({@code initTransactions} with the shared transactional ID), rebuilds its memory from
 * the state topic and reads input from the committed offsets. It stays active until it is closed
 * (then it says so on the status topic), fenced or deposed; the last two send it back to standing by.
 */
public final class WorldLoop implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(WorldLoop.class);

    /** How the loop is set up. */
    public record Settings(String bootstrapServers, Topics topics, String transactionalId, String groupId,
            Duration heartbeatInterval, int leaderSessionTimeoutMs, String staticId) {}

    /** What the instance is doing. */
    public enum Role { STANDBY, ACTIVE, STOPPED }

    private final Settings settings;
    private final Topics topics;
    private final InputHandler handler;
    private final TopicProvisioner provisioner;
    private final String instance = UUID.randomUUID().toString().substring(0, 8);
    private final String stateTopic;
    /** Each gateway seen so far and the name of its output topic (known to exist). */
    private final Map<String, String> outputTopics = new HashMap<>();
    private final Counter inputs;
    private final Counter commits;
    private final Counter aborts;
    private final Timer batches;
    private volatile boolean closed;
    private volatile Role role = Role.STANDBY;
    private volatile Consumer<String, byte[]> consumer;
    private volatile WorldState state;
    private volatile StateFollower follower;
    private long lastHeartbeat;

    public WorldLoop(Settings settings, InputHandler handler, TopicProvisioner provisioner, MeterRegistry meters) {
        this.settings = settings;
        this.topics = settings.topics();
        this.stateTopic = topics.state().name();
        this.handler = handler;
        this.provisioner = provisioner;
        this.inputs = meters.counter("mud.world.inputs");
        this.commits = meters.counter("mud.world.transactions", "outcome", "committed");
        this.aborts = meters.counter("mud.world.transactions", "outcome", "aborted");
        this.batches = meters.timer("mud.world.batch");
    }

    @Override
    public void run() {
        try (Leadership leadership = new Leadership(settings.bootstrapServers(), topics.worldLock(),
                settings.groupId() + "-leader", instance, settings.staticId(), settings.leaderSessionTimeoutMs())) {
            while (!closed) {
                role = Role.STANDBY;
                LOG.info("world {} standing by", instance);
                // a fresh memory for every term: what an earlier term had applied may be ahead of the topic
                try (StateFollower follower = new StateFollower(settings.bootstrapServers(), topics.state())) {
                    this.follower = follower;
                    if (!leadership.await(() -> closed, () -> follower.follow(Duration.ofMillis(50)))) {
                        break;
                    }
                    runActive(leadership, follower);
                } finally {
                    this.follower = null;
                }
            }
        } catch (RuntimeException e) {
            LOG.error("world {} failed", instance, e);
        } finally {
            role = Role.STOPPED;
            LOG.info("world {} stopped", instance);
        }
    }

    private void runActive(Leadership leadership, StateFollower follower) {
        if (!leadership.keep()) {
            return; // the lead was lost while we waited: fencing the real leader would only cost it time
        }
        try (Producer<String, byte[]> producer = new KafkaProducer<>(
                ClientPresets.worldProducer(settings.bootstrapServers(), settings.transactionalId()))) {
            // fences any older world and aborts its open transaction, so the state read next is final
            producer.initTransactions();
            state = follower.catchUp();
            seedIfEmpty(producer);
            try (Consumer<String, byte[]> input = new KafkaConsumer<>(
                    ClientPresets.inputConsumer(settings.bootstrapServers(), settings.groupId()))) {
                consumer = input;
                List<TopicPartition> partitions = TopicPartitions.of(input, topics.input(), Duration.ofSeconds(60));
                // the one active world reads every input partition, from the group's committed offsets
                input.assign(partitions);
                partitions.forEach(input::position);
                process(producer, input, ConsumerRecords.empty(), true);
                role = Role.ACTIVE;
                LOG.info("world {} active: {} objects, reading {} input partitions", instance, state.size(),
                        partitions.size());
                while (!closed && leadership.keep()) {
                    ConsumerRecords<String, byte[]> records = poll(input);
                    boolean beat = System.currentTimeMillis() - lastHeartbeat >= settings.heartbeatInterval().toMillis();
                    if (!records.isEmpty() || beat) {
                        batches.record(() -> process(producer, input, records, beat));
                    }
                }
                if (closed && leadership.held()) {
                    signal(producer, new WorldSignal.Stopping(instance, System.currentTimeMillis()));
                    leadership.release(); // a standby may lead now; closing our clients can take a while
                    LOG.info("world {} told the gateways it is stopping and gave up the lead", instance);
                }
            } finally {
                consumer = null;
            }
        } catch (ProducerFencedException | InvalidProducerEpochException e) {
            LOG.warn("world {} fenced: another instance took over ({})", instance, e.getMessage());
            leadership.abdicate();
        } catch (WakeupException e) {
            if (!closed) {
                throw e;
            }
        }
    }

    /** A poll that a shutdown may cut short: nothing is lost, the loop just sees it is closed. */
    private ConsumerRecords<String, byte[]> poll(Consumer<String, byte[]> input) {
        try {
            return input.poll(Duration.ofMillis(100));
        } catch (WakeupException e) {
            if (!closed) {
                throw e;
            }
            return ConsumerRecords.empty();
        }
    }

    private void process(Producer<String, byte[]> producer, Consumer<String, byte[]> input,
            ConsumerRecords<String, byte[]> records, boolean heartbeat) {
        List<PlayerInput> batch = new ArrayList<>(records.count());
        Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
        Map<TopicPartition, Long> first = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            TopicPartition partition = new TopicPartition(record.topic(), record.partition());
            first.putIfAbsent(partition, record.offset());
            next.put(partition, new OffsetAndMetadata(record.offset() + 1));
            JsonCodec.INPUT.decode(record.value()).ifPresent(batch::add);
        }
        Transaction tx = state.begin();
        Outbox outbox = new Outbox();
        handler.handleBatch(tx, outbox, batch);
        handler.runDueTickers(tx, outbox);
        ensureOutputTopics(outbox);
        long now = System.currentTimeMillis();
        try {
            producer.beginTransaction();
            tx.changes().forEach((id, object) -> producer.send(new ProducerRecord<>(stateTopic, id,
                    object == null ? null : WorldObject.CODEC.encode(object))));
            for (Outbox.Envelope envelope : outbox.envelopes()) {
                producer.send(new ProducerRecord<>(outputTopics.get(envelope.gateway()),
                        envelope.output().session(), JsonCodec.OUTPUT.encode(envelope.output())));
            }
            if (heartbeat) {
                producer.send(signalRecord(new WorldSignal.Heartbeat(instance, now,
                        settings.heartbeatInterval().toMillis(), state.playersOnline())));
            }
            if (!next.isEmpty()) {
                producer.sendOffsetsToTransaction(next, new ConsumerGroupMetadata(settings.groupId()));
            }
            producer.commitTransaction();
        } catch (ProducerFencedException | InvalidProducerEpochException e) {
            throw e; // another world owns the transactional ID now: this one must stop
        } catch (KafkaException e) {
            LOG.warn("transaction aborted, the batch of {} will be read again: {}", records.count(), e.toString());
            producer.abortTransaction();
            aborts.increment();
            first.forEach(input::seek);
            return;
        }
        // memory follows Kafka: changes are applied only once committed
        state.apply(tx.changes());
        if (heartbeat) {
            lastHeartbeat = now;
        }
        inputs.increment(batch.size());
        commits.increment();
    }

    private ProducerRecord<String, byte[]> signalRecord(WorldSignal signal) {
        return new ProducerRecord<>(topics.worldStatus().name(), "world", JsonCodec.SIGNAL.encode(signal));
    }

    private void signal(Producer<String, byte[]> producer, WorldSignal signal) {
        producer.beginTransaction();
        producer.send(signalRecord(signal));
        producer.commitTransaction();
    }

    /** A gateway's output topic exists before the world writes to it, or the transaction would stall. */
    private void ensureOutputTopics(Outbox outbox) {
        List<Topic> missing = new ArrayList<>();
        for (Outbox.Envelope envelope : outbox.envelopes()) {
            if (!outputTopics.containsKey(envelope.gateway())) {
                Topic topic = topics.output(envelope.gateway());
                outputTopics.put(envelope.gateway(), topic.name());
                missing.add(topic);
            }
        }
        if (!missing.isEmpty()) {
            provisioner.ensure(missing);
        }
    }

    private void seedIfEmpty(Producer<String, byte[]> producer) {
        if (state.get(Seed.START_ROOM) != null) {
            return;
        }
        Transaction tx = state.begin();
        Seed.rooms().forEach(tx::put);
        producer.beginTransaction();
        for (Room room : Seed.rooms()) {
            producer.send(new ProducerRecord<>(stateTopic, room.id(), WorldObject.CODEC.encode(room)));
        }
        producer.commitTransaction();
        state.apply(tx.changes());
        LOG.info("seeded {} rooms into an empty world", Seed.rooms().size());
    }

    public Role role() {
        return role;
    }

    /** A standby whose memory has caught up with the state topic: a takeover will be quick. */
    public boolean warm() {
        StateFollower current = follower;
        return current != null && current.warm();
    }

    public String instance() {
        return instance;
    }

    public int objects() {
        WorldState current = state;
        return current == null ? 0 : current.size();
    }

    /** Asks the loop to stop after the batch in hand; the batch is committed first. */
    public void close() {
        closed = true;
        Consumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }
}
