package org.mudbackbone.world.engine;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
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
import org.mudbackbone.broker.message.JsonCodec;
import org.mudbackbone.broker.message.PlayerInput;
import org.mudbackbone.broker.topic.Topic;
import org.mudbackbone.broker.topic.TopicProvisioner;
import org.mudbackbone.broker.topic.Topics;
import org.mudbackbone.world.model.Room;
import org.mudbackbone.world.model.WorldObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The world's consume-process-produce loop, after Apache Kafka's ExactlyOnceMessageProcessor: each
 * poll is one transaction holding the state changes, the output and the consumed offsets, so an
 * input takes effect exactly once. The transactional ID is the same on every world instance: a new
 * one's {@code initTransactions} fences any older one, which can then never commit again.
 */
public final class WorldLoop implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(WorldLoop.class);

    private final String bootstrapServers;
    private final Topics topics;
    private final String transactionalId;
    private final String groupId;
    private final InputHandler handler;
    private final TopicProvisioner provisioner;
    private final Set<String> knownGateways = new HashSet<>();
    private final CountDownLatch ready = new CountDownLatch(1);
    private final Counter inputs;
    private final Counter commits;
    private final Counter aborts;
    private final Timer batches;
    private volatile boolean closed;
    private volatile boolean running;
    private volatile Consumer<String, byte[]> consumer;
    private volatile WorldState state;

    public WorldLoop(String bootstrapServers, Topics topics, String transactionalId, String groupId, InputHandler handler,
            TopicProvisioner provisioner, MeterRegistry meters) {
        this.bootstrapServers = bootstrapServers;
        this.topics = topics;
        this.transactionalId = transactionalId;
        this.groupId = groupId;
        this.handler = handler;
        this.provisioner = provisioner;
        this.inputs = meters.counter("mud.world.inputs");
        this.commits = meters.counter("mud.world.transactions", "outcome", "committed");
        this.aborts = meters.counter("mud.world.transactions", "outcome", "aborted");
        this.batches = meters.timer("mud.world.batch");
    }

    @Override
    public void run() {
        running = true;
        try (Producer<String, byte[]> producer =
                new KafkaProducer<>(ClientPresets.worldProducer(bootstrapServers, transactionalId))) {
            // fences any older world and aborts its open transaction, so the state read next is final
            producer.initTransactions();
            state = StateLoader.load(bootstrapServers, topics.state());
            seedIfEmpty(producer);
            try (Consumer<String, byte[]> input =
                    new KafkaConsumer<>(ClientPresets.inputConsumer(bootstrapServers, groupId))) {
                consumer = input;
                List<TopicPartition> partitions = input.partitionsFor(topics.input().name()).stream()
                        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
                // the one active world reads every input partition, from the group's committed offsets
                input.assign(partitions);
                ready.countDown();
                LOG.info("world ready: {} objects, reading {} input partitions", state.size(), partitions.size());
                while (!closed) {
                    ConsumerRecords<String, byte[]> records = input.poll(Duration.ofMillis(200));
                    if (!records.isEmpty()) {
                        batches.record(() -> process(producer, input, records));
                    }
                }
            }
        } catch (WakeupException e) {
            if (!closed) {
                LOG.error("world loop woken unexpectedly", e);
            }
        } catch (ProducerFencedException | InvalidProducerEpochException e) {
            LOG.warn("world fenced: another world instance took over ({})", e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("world loop failed", e);
        } finally {
            running = false;
            ready.countDown();
            LOG.info("world loop stopped");
        }
    }

    private void process(Producer<String, byte[]> producer, Consumer<String, byte[]> input,
            ConsumerRecords<String, byte[]> records) {
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
        ensureOutputTopics(outbox);
        try {
            producer.beginTransaction();
            tx.changes().forEach((id, object) -> producer.send(new ProducerRecord<>(topics.state().name(), id,
                    object == null ? null : WorldObject.CODEC.encode(object))));
            for (Outbox.Envelope envelope : outbox.envelopes()) {
                producer.send(new ProducerRecord<>(topics.output(envelope.gateway()).name(),
                        envelope.output().session(), JsonCodec.OUTPUT.encode(envelope.output())));
            }
            producer.sendOffsetsToTransaction(next, new ConsumerGroupMetadata(groupId));
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
        inputs.increment(batch.size());
        commits.increment();
    }

    /** A gateway's output topic exists before the world writes to it, or the transaction would stall. */
    private void ensureOutputTopics(Outbox outbox) {
        List<Topic> missing = new ArrayList<>();
        for (Outbox.Envelope envelope : outbox.envelopes()) {
            if (knownGateways.add(envelope.gateway())) {
                missing.add(topics.output(envelope.gateway()));
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
            producer.send(new ProducerRecord<>(topics.state().name(), room.id(), WorldObject.CODEC.encode(room)));
        }
        producer.commitTransaction();
        state.apply(tx.changes());
        LOG.info("seeded {} rooms into an empty world", Seed.rooms().size());
    }

    /** Waits until the loop reads input (or has stopped trying). */
    public boolean awaitReady(Duration timeout) throws InterruptedException {
        return ready.await(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS) && running;
    }

    public boolean running() {
        return running && !closed;
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
