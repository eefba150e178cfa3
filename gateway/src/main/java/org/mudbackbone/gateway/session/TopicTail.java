package org.mudbackbone.gateway.session;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.function.LongConsumer;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.mudbackbone.broker.client.TopicPartitions;
import org.mudbackbone.broker.topic.Topic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one topic from its end, on a thread of its own, for as long as the gateway runs: each record
 * to {@code handler}, and after every poll {@code afterPoll} with the time. A failure is logged and
 * the reading goes on after a pause, so that output and world signals never stop quietly while the
 * gateway process lives.
 */
final class TopicTail implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TopicTail.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final long PAUSE_AFTER_FAILURE_MS = 1_000;

    interface Handler {
        void handle(ConsumerRecord<String, byte[]> record);
    }

    private final Consumer<String, byte[]> consumer;
    private final Topic topic;
    private final Handler handler;
    private final LongConsumer afterPoll;
    private final Thread thread;
    private final CountDownLatch assigned = new CountDownLatch(1);
    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile boolean closed;

    TopicTail(Properties config, String threadName, Topic topic, Handler handler, LongConsumer afterPoll) {
        this.consumer = new KafkaConsumer<>(config);
        this.topic = topic;
        this.handler = handler;
        this.afterPoll = afterPoll;
        this.thread = new Thread(this::run, threadName);
    }

    /** Starts reading at the end of the topic; returns once the position is fixed. */
    void start() throws InterruptedException {
        thread.start();
        assigned.await();
    }

    private void run() {
        try {
            List<TopicPartition> partitions = TopicPartitions.of(consumer, topic, Duration.ofSeconds(60));
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            // fix the positions now, so that nothing written after start() returns is missed
            partitions.forEach(consumer::position);
            assigned.countDown();
            LOG.info("reading {}", topic.name());
            while (!closed) {
                try {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                        handler.handle(record);
                    }
                    afterPoll.accept(System.currentTimeMillis());
                } catch (WakeupException e) {
                    throw e;
                } catch (RuntimeException e) {
                    LOG.error("reading {} failed; going on in {} ms", topic.name(), PAUSE_AFTER_FAILURE_MS, e);
                    closing.await(PAUSE_AFTER_FAILURE_MS, java.util.concurrent.TimeUnit.MILLISECONDS);
                }
            }
        } catch (WakeupException e) {
            if (!closed) {
                LOG.error("reading {} woken up while open", topic.name(), e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            assigned.countDown();
            consumer.close(org.apache.kafka.clients.consumer.CloseOptions.timeout(Duration.ofSeconds(2)));
        }
    }

    /** The consumer's own figures, records-lag-max among them: how far behind the topic this reader is. */
    void bindMetrics(MeterRegistry meters) {
        new KafkaClientMetrics(consumer).bindTo(meters);
    }

    boolean running() {
        return thread.isAlive() && !closed;
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        closing.countDown();
        consumer.wakeup();
        thread.join(10_000);
    }
}
