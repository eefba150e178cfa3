package org.mudbackbone.gateway.session;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongFunction;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RetriableException;
import org.mudbackbone.broker.client.ClientPresets;
import org.mudbackbone.broker.markup.Markup;
import org.mudbackbone.broker.message.JsonCodec;
import org.mudbackbone.broker.message.PlayerInput;
import org.mudbackbone.broker.topic.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes each session's input to the input topic, keyed by the object the session controls.
 *
 * <p>{@link #publish} never blocks: it numbers the input and queues it. One publishing thread of
 * the gateway's own calls {@code producer.send}, which blocks while the broker's metadata is missing:
 * that must never freeze a Netty event loop or the output dispatcher. Each session's input goes out
 * one record at a time in sequence order, and a send that fails for a passing reason is retried
 * with the same record, so nothing is lost while the broker is away. Memory stays bounded: beyond a
 * cap per session and per gateway an input is refused, and the caller tells the player.
 */
public final class InputPublisher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(InputPublisher.class);

    /**
     * How much input may wait for Kafka, and how patiently.
     *
     * @param perSession   inputs one session may have waiting
     * @param perGateway   inputs all sessions may have waiting
     * @param retry        the pause before a failed send is tried again
     * @param drainOnClose how long close waits for waiting input to go out
     */
    record Limits(int perSession, int perGateway, Duration retry, Duration drainOnClose) {
        /** A 90 s outage at a line a second fits a session; the gateway's cap is a few MB of small records. */
        static final Limits DEFAULT = new Limits(200, 50_000, Duration.ofSeconds(1), Duration.ofSeconds(10));
    }

    private final Producer<String, byte[]> producer;
    private final String topic;
    private final int sessionLimit;
    private final int gatewayLimit;
    private final long retryMs;
    private final Duration drainOnClose;
    /** Outboxes of sessions with input waiting; looked up and removed under the session's lock only. */
    private final Map<String, Outbox> outboxes = new ConcurrentHashMap<>();
    /** Outboxes whose head is due to be sent, in the order they became due. */
    private final LinkedBlockingDeque<Outbox> ready = new LinkedBlockingDeque<>();
    private final AtomicInteger waiting = new AtomicInteger();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final Object drained = new Object();
    private final Thread thread;
    private final Timer published;

    public InputPublisher(String bootstrapServers, Topics topics, String gatewayId, MeterRegistry meters) {
        this(new KafkaProducer<>(ClientPresets.inputProducer(bootstrapServers, gatewayId)), topics.input().name(),
                gatewayId, Limits.DEFAULT, meters);
    }

    InputPublisher(Producer<String, byte[]> producer, String topic, String gatewayId, Limits limits) {
        this(producer, topic, gatewayId, limits, new SimpleMeterRegistry());
    }

    InputPublisher(Producer<String, byte[]> producer, String topic, String gatewayId, Limits limits,
            MeterRegistry meters) {
        this.published = Timer.builder("mud.gateway.input.published")
                .description("from a typed line read by the gateway to Kafka's acknowledgement of it (one hop of a command)")
                .register(meters);
        this.producer = producer;
        this.topic = topic;
        this.sessionLimit = limits.perSession();
        this.gatewayLimit = limits.perGateway();
        this.retryMs = limits.retry().toMillis();
        this.drainOnClose = limits.drainOnClose();
        this.thread = new Thread(this::run, "input-publisher-" + gatewayId);
        thread.start();
    }

    /**
     * Numbers an input with the session's next sequence number and queues it; never blocks. Taking
     * the number and queuing happen under the session's lock, so sequence order is send order even
     * across threads.
     *
     * @return the input's sequence number, or -1 if the queues are full: then no number was taken
     */
    long publish(Session session, LongFunction<PlayerInput> input) {
        return queue(session, input, false);
    }

    /**
     * As {@link #publish}, but never refused: for inputs a session has at most one of at a time
     * (opened, closed, the hash of a secret), so that they cannot grow the queue without bound.
     */
    long publishAlways(Session session, LongFunction<PlayerInput> input) {
        return queue(session, input, true);
    }

    private long queue(Session session, LongFunction<PlayerInput> input, boolean always) {
        synchronized (session) {
            Outbox outbox = outboxes.computeIfAbsent(session.id(), id -> new Outbox(session));
            if (!always && (outbox.size() >= sessionLimit || waiting.get() >= gatewayLimit)) {
                LOG.warn("session {}: input refused, {} of its inputs and {} in all wait for Kafka",
                        session.id(), outbox.size(), waiting.get());
                forgetIfEmpty(outbox);
                return -1;
            }
            PlayerInput record = input.apply(session.takeInputSeq());
            session.published(record.seq());
            waiting.incrementAndGet();
            var kafkaRecord = new ProducerRecord<>(topic, session.inputKey(), JsonCodec.INPUT.encode(record));
            if (outbox.add(new Outbox.Entry(record, kafkaRecord))) {
                ready.add(outbox);
            }
            return record.seq();
        }
    }

    /** The publishing thread: sends the head of each due outbox; a blocked send blocks only this thread. */
    private void run() {
        try {
            while (closing.getCount() > 0) {
                Outbox outbox = ready.poll(200, TimeUnit.MILLISECONDS);
                if (outbox != null && !send(outbox)) {
                    // the broker is unreachable: try this same record again first, keeping every session's order
                    ready.addFirst(outbox);
                    closing.await(retryMs, TimeUnit.MILLISECONDS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sends the head of {@code outbox}; false if the send failed for a passing reason and must be retried. */
    private boolean send(Outbox outbox) {
        Outbox.Entry head = outbox.head();
        try {
            producer.send(head.record(), (metadata, error) -> done(outbox, head, error));
            return true;
        } catch (RetriableException e) { // metadata missing after max.block.ms, buffer full
            LOG.warn("session {}: input {} not sent yet, retrying in {} ms: {}",
                    outbox.session().id(), head.input().seq(), retryMs, e.toString());
            return false;
        } catch (KafkaException | IllegalStateException e) {
            giveUp(outbox, head, e);
            return true;
        }
    }

    /** Kafka's answer for the head of {@code outbox} (on the producer's own thread). */
    private void done(Outbox outbox, Outbox.Entry head, Exception error) {
        if (error instanceof RetriableException && closing.getCount() > 0) {
            LOG.warn("session {}: input {} not acknowledged, sending it again in {} ms: {}",
                    outbox.session().id(), head.input().seq(), retryMs, error.toString());
            CompletableFuture.delayedExecutor(retryMs, TimeUnit.MILLISECONDS).execute(() -> ready.add(outbox));
        } else if (error != null) {
            giveUp(outbox, head, error);
        } else {
            if (head.input() instanceof PlayerInput.Line) { // a secret's wait is its hashing, not this hop
                published.record(Math.max(0, System.currentTimeMillis() - head.input().at()), TimeUnit.MILLISECONDS);
            }
            next(outbox);
        }
    }

    /** An error that no retry mends (or shutdown): the input is dropped, and the player told which. */
    private void giveUp(Outbox outbox, Outbox.Entry head, Exception error) {
        Session session = outbox.session();
        LOG.error("session {}: input {} dropped: {}", session.id(), head.input().seq(), error.toString());
        if (head.input() instanceof PlayerInput.Line line) {
            session.connection().text("{red}The game did not get \"" + Markup.escape(line.text()) + "\".{/}");
        } else if (head.input() instanceof PlayerInput.SecretLine) {
            session.connection().text("{red}The game did not get your password; please log in again.{/}");
        }
        next(outbox);
    }

    private void next(Outbox outbox) {
        if (outbox.removeHead()) {
            ready.add(outbox);
        } else {
            synchronized (outbox.session()) {
                forgetIfEmpty(outbox);
            }
        }
        if (waiting.decrementAndGet() == 0) {
            synchronized (drained) {
                drained.notifyAll();
            }
        }
    }

    /** Called under the session's lock, so that no input is added to an outbox no longer in the map. */
    private void forgetIfEmpty(Outbox outbox) {
        if (outbox.isEmpty()) {
            outboxes.remove(outbox.session().id(), outbox);
        }
    }

    /** Inputs queued or in flight, all sessions. */
    int waiting() {
        return waiting.get();
    }

    @Override
    public void close() throws InterruptedException {
        // what players typed before shutdown still goes out, if Kafka takes it soon enough
        long deadline = System.nanoTime() + drainOnClose.toNanos();
        synchronized (drained) {
            for (long left; waiting.get() > 0 && (left = deadline - System.nanoTime()) > 0; ) {
                TimeUnit.NANOSECONDS.timedWait(drained, left);
            }
        }
        if (waiting.get() > 0) {
            LOG.warn("{} inputs not sent at shutdown", waiting.get());
        }
        closing.countDown();
        thread.join(5_000);
        producer.close(Duration.ofSeconds(5));
    }
}
