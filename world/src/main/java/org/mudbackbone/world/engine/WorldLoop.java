package org.mudbackbone.world.engine;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
import org.mudbackbone.broker.message.OutputBatch;
import org.mudbackbone.broker.message.PlayerInput;
import org.mudbackbone.broker.message.WorldSignal;
import org.mudbackbone.broker.topic.Topic;
import org.mudbackbone.broker.topic.TopicProvisioner;
import org.mudbackbone.broker.topic.Topics;
import org.mudbackbone.world.model.WorldObject;
import org.mudbackbone.world.model.WorldTerm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The world's consume-process-produce loop, after Apache Kafka's ExactlyOnceMessageProcessor: each
 * transaction holds the state changes, the output, a heartbeat when one is due, and where input is
 * read next ({@link org.mudbackbone.world.model.InputPositions}), so an input takes effect exactly once. Inputs are done one after another into the open
 * transaction until its {@link TransactionBudget} is spent, so a busy world still commits, beats
 * and polls its leader group several times a second.
 *
 * <p>An instance stands by until it leads ({@link Leadership}), then becomes active: it fences any
 * older instance ({@code initTransactions} with the shared transactional ID), rebuilds its memory from
 * the state topic and reads input from the positions committed there. A term ends when the instance is closed
 * (then it says so on the status topic), fenced, deposed, or when its clients fail; it then stands by
 * again for a new term, after a back-off when something failed. Only what no retry can cure ends the
 * process ({@link Failures#fatal}), non-zero, so that its supervisor restarts it: the loop never
 * ends quietly while the process lives.
 */
public final class WorldLoop implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(WorldLoop.class);

    /** Closing a client that cannot reach the broker must not hold up a new term or a shutdown. */
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(2);
    /** A transaction longer than this is logged: gateways call the world away after 3 heartbeats. */
    private static final long SLOW_TRANSACTION_NANOS = Duration.ofSeconds(1).toNanos();

    /**
     * The longest pause between two tries of a failing world: a broker that is away is not hammered,
     * and a world whose broker comes back starts a new term at most this long after.
     */
    public static final Duration LONGEST_BACKOFF = Duration.ofSeconds(2);

    /** An input that waited this long in Kafka is reported (see LateInputs). */
    private static final long LATE_INPUT_MS = 5_000;

    /** How often a world backing off after a refused transaction checks that it still leads. */
    private static final long LEAD_CHECK_MS = 100;

    /**
     * Outputs in one output record: enough that a room's worth of a say is one record, few enough
     * that a record of long texts (a crowded room's look) stays far under the broker's 1 MiB limit.
     */
    private static final int OUTPUTS_PER_RECORD = 256;

    /** How the loop is set up. */
    public record Settings(String bootstrapServers, Topics topics, String transactionalId, String groupId,
            Duration heartbeatInterval, int leaderSessionTimeoutMs, String staticId, TransactionBudget budget) {}

    /** What the instance is doing. */
    public enum Role { STANDBY, ACTIVE, STOPPED }

    private final Settings settings;
    private final Topics topics;
    private final InputHandler handler;
    private final TopicProvisioner provisioner;
    private final Runnable exitProcess;
    private final String instance = UUID.randomUUID().toString().substring(0, 8);
    private final String stateTopic;
    /** Each gateway seen so far and the name of its output topic (known to exist), or null if it cannot have one. */
    private final Map<String, String> outputTopics = new HashMap<>();
    /** Input read but not yet done, oldest first; a refused transaction puts its inputs back at the front. */
    private final InputQueue backlog = new InputQueue();
    private final PoisonInputs poison = new PoisonInputs();
    private final Backoff backoff = new Backoff(Duration.ofMillis(250), LONGEST_BACKOFF);
    private final CountDownLatch closing = new CountDownLatch(1);
    private final Counter inputs;
    private final Counter skipped;
    private final Counter commits;
    private final Counter aborts;
    private final Counter failures;
    private final Timer batches;
    private final Timer inputWait;
    private final Timer commitTime;
    private volatile boolean closed;
    private volatile Role role = Role.STANDBY;
    private volatile Consumer<String, byte[]> consumer;
    private volatile WorldState state;
    private volatile StateFollower follower;
    private long lastHeartbeat;
    /** Until when (epoch ms) the active loop waits before it tries a refused transaction again. */
    private long retryAt;

    /**
     * @param exitProcess ends the process non-zero; called once, from another thread than the loop's,
     *                    when a failure is fatal
     */
    public WorldLoop(Settings settings, InputHandler handler, TopicProvisioner provisioner, MeterRegistry meters,
            Runnable exitProcess) {
        this.settings = settings;
        this.topics = settings.topics();
        this.stateTopic = topics.state().name();
        this.handler = handler;
        this.provisioner = provisioner;
        this.exitProcess = exitProcess;
        this.inputs = meters.counter("mud.world.inputs");
        this.skipped = meters.counter("mud.world.inputs.skipped");
        this.commits = meters.counter("mud.world.transactions", "outcome", "committed");
        this.aborts = meters.counter("mud.world.transactions", "outcome", "aborted");
        this.failures = meters.counter("mud.world.failures");
        this.batches = meters.timer("mud.world.batch");
        this.inputWait = Timer.builder("mud.world.input.wait")
                .description("from a gateway's send of an input to this world taking it into a transaction (one hop of a command)")
                .register(meters);
        this.commitTime = Timer.builder("mud.world.commit")
                .description("from the first send of a transaction to its commit returning (one hop of a command)")
                .register(meters);
    }

    @Override
    public void run() {
        try {
            while (!closed) {
                try (Leadership leadership = new Leadership(settings.bootstrapServers(), topics.worldLock(),
                        settings.groupId() + "-leader", instance, settings.staticId(), settings.leaderSessionTimeoutMs())) {
                    serve(leadership);
                } catch (RuntimeException e) {
                    if (closed) {
                        break;
                    }
                    if (Failures.fatal(e)) {
                        throw e;
                    }
                    role = Role.STANDBY;
                    failures.increment();
                    long pause = backoff.next();
                    LOG.error("world {} failed; it gave up the lead and stands by again in {} ms: {}", instance,
                            pause, e.toString(), e);
                    pause(pause);
                }
            }
        } catch (RuntimeException | Error e) {
            LOG.error("world {} cannot go on; exiting so that its supervisor starts it again", instance, e);
            role = Role.STOPPED;
            new Thread(exitProcess, "world-exit").start();
        } finally {
            role = Role.STOPPED;
            LOG.info("world {} stopped", instance);
        }
    }

    /** Terms, one after another, while this instance is a member of the leader group. */
    private void serve(Leadership leadership) {
        while (!closed) {
            role = Role.STANDBY;
            LOG.info("world {} standing by", instance);
            // a fresh memory for every term: what an earlier term had applied may be ahead of the topic
            try (StateFollower follower = new StateFollower(settings.bootstrapServers(), topics.state())) {
                this.follower = follower;
                if (!leadership.await(() -> closed, () -> follower.follow(Duration.ofMillis(50)))) {
                    return;
                }
                runActive(leadership, follower);
            } finally {
                this.follower = null;
            }
        }
    }

    private void runActive(Leadership leadership, StateFollower follower) {
        if (!leadership.keep()) {
            return; // the lead was lost while we waited: fencing the real leader would only cost it time
        }
        Producer<String, byte[]> producer = new KafkaProducer<>(
                ClientPresets.worldProducer(settings.bootstrapServers(), settings.transactionalId()));
        Consumer<String, byte[]> input = null;
        try {
            // fences any older world and aborts its open transaction, so the state read next is final
            long fencing = System.nanoTime();
            producer.initTransactions();
            LOG.info("world {} holds the transactional ID ({} ms): no older world can commit now", instance,
                    (System.nanoTime() - fencing) / 1_000_000);
            // a long read must not cost the lead: the group hears from this member between polls
            state = follower.catchUp(leadership::keep);
            openTerm(producer);
            input = new KafkaConsumer<>(ClientPresets.inputConsumer(settings.bootstrapServers(), settings.groupId()));
            consumer = input;
            List<TopicPartition> partitions = TopicPartitions.of(input, topics.input(), Duration.ofSeconds(60));
            // the one active world reads every input partition, from where the last commit left off
            input.assign(partitions);
            seekToCommitted(input, partitions);
            backlog.clear();
            transact(producer, true);
            role = Role.ACTIVE;
            LOG.info("world {} active: {} objects, reading {} input partitions", instance, state.size(),
                    partitions.size());
            retryAt = 0;
            while (!closed && leadership.keep()) {
                long backingOff = retryAt - System.currentTimeMillis();
                if (backingOff > 0) {
                    // a refused transaction's back-off, in short steps: a lead lost meanwhile (another world
                    // took over while the broker was away) ends this term now, not after the back-off
                    pause(Math.min(backingOff, LEAD_CHECK_MS));
                    continue;
                }
                if (backlog.isEmpty()) {
                    poll(input).forEach(backlog::add);
                }
                boolean beat = System.currentTimeMillis() - lastHeartbeat >= settings.heartbeatInterval().toMillis();
                if (!backlog.isEmpty() || beat) {
                    batches.record(() -> transact(producer, beat));
                }
            }
            if (closed && leadership.held()) {
                signal(producer, new WorldSignal.Stopping(instance, System.currentTimeMillis()));
                leadership.release(); // a standby may lead now; closing our clients can take a while
                LOG.info("world {} told the gateways it is stopping and gave up the lead", instance);
            } else if (!closed) {
                LOG.info("world {} is no longer the leader: its term ends", instance);
            }
        } catch (ProducerFencedException | InvalidProducerEpochException e) {
            LOG.warn("world {} fenced: another instance took over ({})", instance, e.getMessage());
            leadership.abdicate();
        } catch (WakeupException e) {
            if (!closed) {
                throw e;
            }
        } finally {
            role = closed ? Role.STOPPED : Role.STANDBY;
            consumer = null;
            if (input != null) {
                input.close(CloseOptions.timeout(CLOSE_TIMEOUT));
            }
            producer.close(CLOSE_TIMEOUT);
        }
    }

    /** A poll that a shutdown may cut short: nothing is lost, the loop just sees it is closed. */
    private Iterable<ConsumerRecord<String, byte[]>> poll(Consumer<String, byte[]> input) {
        try {
            return input.poll(Duration.ofMillis(100));
        } catch (WakeupException e) {
            if (!closed) {
                throw e;
            }
            return List.of();
        }
    }

    /**
     * One transaction: inputs from the backlog until the budget is spent, the due tickers, a heartbeat
     * if one is due, and the input positions after the inputs taken. Memory changes only once Kafka has committed.
     */
    private void transact(Producer<String, byte[]> producer, boolean heartbeat) {
        long began = System.nanoTime();
        Transaction tx = state.begin();
        Outbox outbox = new Outbox();
        List<ConsumerRecord<String, byte[]>> taken = new ArrayList<>();
        LateInputs late = new LateInputs();
        int done = takeInputs(tx, outbox, taken, late);
        handler.runDueTickers(tx, outbox);
        handler.watchGateways(tx, outbox);
        Map<String, String> routes = routeOutput(outbox);
        long now = System.currentTimeMillis();
        if (!taken.isEmpty()) {
            tx.put(tx.state().inputPositions().advancedTo(nextOffsets(taken)));
        }
        long worked = System.nanoTime();
        try {
            producer.beginTransaction();
            sendChanges(producer, tx);
            outbox.byGateway(OUTPUTS_PER_RECORD).forEach((gateway, batches) -> {
                String topic = routes.get(gateway);
                if (topic != null) {
                    batches.forEach(batch -> producer.send(new ProducerRecord<>(topic, gateway, OutputBatch.encode(batch))));
                }
            });
            if (heartbeat) {
                producer.send(signalRecord(new WorldSignal.Heartbeat(instance, now,
                        settings.heartbeatInterval().toMillis(), state.playersOnline())));
            }
            producer.commitTransaction();
        } catch (ProducerFencedException | InvalidProducerEpochException e) {
            throw e; // another world owns the transactional ID now: this one must stop
        } catch (KafkaException e) {
            refused(producer, taken, e);
            return;
        }
        long committed = System.nanoTime();
        commitTime.record(committed - worked, TimeUnit.NANOSECONDS);
        late.report();
        if (committed - began > SLOW_TRANSACTION_NANOS) {
            LOG.warn("slow transaction: {} inputs, {} state changes, {} outputs; {} ms of work, {} ms to commit",
                    taken.size(), tx.changes().size(), outbox.envelopes().size(), (worked - began) / 1_000_000,
                    (committed - worked) / 1_000_000);
        }
        // memory follows Kafka: changes are applied only once committed
        state.commit(tx);
        poison.committed(taken);
        backoff.reset(); // the broker answers again: a later failure starts from the shortest pause
        if (heartbeat) {
            lastHeartbeat = now;
            publishPositions();
        }
        inputs.increment(done);
        commits.increment();
    }

    /**
     * The inputs of one transaction that waited long in Kafka, for one line once it committed: how
     * long, on which partitions, and how long the gateway took to send them, so that a wait can be
     * told apart as the world's (away, or not reading a partition) or the gateway's (holding input back).
     */
    private static final class LateInputs {
        private final java.util.SortedSet<Integer> partitions = new java.util.TreeSet<>();
        private long longest;
        private long sendDelay;

        void note(ConsumerRecord<String, byte[]> record, long waited, PlayerInput input) {
            if (waited >= LATE_INPUT_MS) {
                partitions.add(record.partition());
                longest = Math.max(longest, waited);
                sendDelay = Math.max(sendDelay, record.timestamp() - input.at());
            }
        }

        void report() {
            if (!partitions.isEmpty()) {
                LOG.info("inputs waited up to {} ms in Kafka before this world did them (partitions {}); gateways"
                        + " sent them up to {} ms after they were typed", longest, partitions, sendDelay);
            }
        }
    }

    /** Takes inputs into {@code tx} until the budget is spent; returns how many were done (not skipped). */
    private int takeInputs(Transaction tx, Outbox outbox, List<ConsumerRecord<String, byte[]>> taken, LateInputs late) {
        long started = System.nanoTime();
        int done = 0;
        while (!backlog.isEmpty()) {
            ConsumerRecord<String, byte[]> next = backlog.peek();
            if (!taken.isEmpty() && (poison.isolate(next) || poison.isolate(taken.get(0))
                    || settings.budget().spent(tx.changes().size() + outbox.envelopes().size(),
                            System.nanoTime() - started))) {
                break;
            }
            taken.add(backlog.poll());
            long waited = Math.max(0, System.currentTimeMillis() - next.timestamp());
            inputWait.record(waited, TimeUnit.MILLISECONDS);
            if (poison.exhausted(next)) {
                skipped.increment();
                LOG.error("input at {}-{}@{} skipped: the broker refused its transaction {} times",
                        next.topic(), next.partition(), next.offset(), PoisonInputs.ATTEMPTS);
                continue;
            }
            Optional<PlayerInput> decoded = JsonCodec.INPUT.decode(next.value());
            if (decoded.isPresent()) {
                late.note(next, waited, decoded.get());
                handler.handleBatch(tx, outbox, List.of(decoded.get()));
                done++;
            }
        }
        return done;
    }

    /**
     * The broker did not commit: the transaction is aborted and its inputs go back to the front of the
     * backlog, to be done again. If the abort fails too, the producer is unusable and the term ends
     * (a new term's initTransactions settles whatever this one left open).
     */
    private void refused(Producer<String, byte[]> producer, List<ConsumerRecord<String, byte[]>> taken, KafkaException e) {
        producer.abortTransaction();
        aborts.increment();
        for (int i = taken.size() - 1; i >= 0; i--) {
            backlog.putBack(taken.get(i));
        }
        if (Failures.causedByInput(e)) {
            poison.refused(taken);
            LOG.warn("transaction of {} inputs refused by the broker; they are done again, one per transaction: {}",
                    taken.size(), e.toString());
        } else if (Failures.retriable(e)) {
            long pause = backoff.next();
            LOG.warn("transaction of {} inputs aborted; done again in {} ms: {}", taken.size(), pause, e.toString());
            retryAt = System.currentTimeMillis() + pause;
        } else {
            throw e;
        }
    }

    /** Input partition to the offset after the last of {@code taken} read from it. */
    private static Map<Integer, Long> nextOffsets(List<ConsumerRecord<String, byte[]>> taken) {
        Map<Integer, Long> next = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : taken) {
            next.merge(record.partition(), record.offset() + 1, Math::max);
        }
        return next;
    }

    /**
     * Positions every input partition where the state says the last commit left off. A partition the
     * state does not know (a world upgraded from one that kept its offsets in the consumer group, or
     * a partition added since) starts at the group's committed offset, or at the first input kept.
     */
    private void seekToCommitted(Consumer<String, byte[]> input, List<TopicPartition> partitions) {
        Map<Integer, Long> saved = state.inputPositions().next();
        List<Integer> unknown = new ArrayList<>();
        for (TopicPartition partition : partitions) {
            Long next = saved.get(partition.partition());
            if (next != null) {
                input.seek(partition, next);
            } else {
                unknown.add(partition.partition());
                input.position(partition);
            }
        }
        if (!unknown.isEmpty()) {
            LOG.info("world {} has no saved input position for partitions {}: they start from the group's offsets"
                    + " or the first input kept", instance, unknown);
        }
    }

    /**
     * Copies the committed positions to the consumer group, without waiting: only so that operators'
     * tools (kafka-consumer-groups, lag exporters) see how far the world has read. The world itself
     * never starts from these.
     */
    private void publishPositions() {
        Consumer<String, byte[]> current = consumer;
        if (current == null) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        state.inputPositions().next().forEach((partition, next) ->
                offsets.put(new TopicPartition(topics.input().name(), partition), new OffsetAndMetadata(next)));
        if (!offsets.isEmpty()) {
            current.commitAsync(offsets, (done, e) -> {
                if (e != null) {
                    LOG.debug("input positions not copied to the consumer group: {}", e.toString());
                }
            });
        }
    }

    private ProducerRecord<String, byte[]> signalRecord(WorldSignal signal) {
        return new ProducerRecord<>(topics.worldStatus().name(), "world", JsonCodec.SIGNAL.encode(signal));
    }

    private void signal(Producer<String, byte[]> producer, WorldSignal signal) {
        producer.beginTransaction();
        producer.send(signalRecord(signal));
        producer.commitTransaction();
    }

    /**
     * The output topic of each gateway in the outbox, created if new (a transaction writing to a
     * missing topic would stall). A gateway ID that cannot name a topic came from a broken or hostile
     * input: its output is dropped with a log line instead of failing every world that replays it.
     */
    private Map<String, String> routeOutput(Outbox outbox) {
        Map<String, Topic> missing = new HashMap<>();
        for (Outbox.Envelope envelope : outbox.envelopes()) {
            String gateway = envelope.gateway();
            if (!outputTopics.containsKey(gateway)) {
                try {
                    Topic topic = topics.output(gateway);
                    outputTopics.put(gateway, topic.name());
                    missing.put(gateway, topic);
                } catch (IllegalArgumentException e) {
                    outputTopics.put(gateway, null);
                    LOG.warn("output for gateway \"{}\" dropped: {}", gateway, e.getMessage());
                }
            }
        }
        if (!missing.isEmpty()) {
            try {
                provisioner.ensure(missing.values());
            } catch (RuntimeException e) {
                missing.keySet().forEach(outputTopics::remove); // tried again with the next transaction
                throw e;
            }
        }
        return outputTopics;
    }

    /**
     * The first transaction of a term: the next term number (see {@link WorldTerm}), and the seed
     * rooms if the world is empty. Output is numbered in the new term only once this is committed.
     */
    private void openTerm(Producer<String, byte[]> producer) {
        Transaction tx = state.begin();
        long term = state.term() + 1;
        tx.put(new WorldTerm(term));
        boolean seeding = state.get(Seed.START_ROOM) == null;
        if (seeding) {
            Seed.rooms().forEach(tx::put);
        }
        producer.beginTransaction();
        sendChanges(producer, tx);
        producer.commitTransaction();
        state.commit(tx);
        state.startTerm(term);
        if (seeding) {
            LOG.info("seeded {} rooms into an empty world", Seed.rooms().size());
        }
        LOG.info("world {} begins term {}", instance, term);
    }

    /** A transaction's state changes as state records; a deleted object becomes a tombstone. */
    private void sendChanges(Producer<String, byte[]> producer, Transaction tx) {
        tx.changes().forEach((id, object) -> producer.send(new ProducerRecord<>(stateTopic, id,
                object == null ? null : WorldObject.CODEC.encode(object))));
    }

    /** Waits out a back-off; a shutdown cuts it short. */
    private void pause(long millis) {
        try {
            closing.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
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
        closing.countDown();
        Consumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }
}
