package org.mudbackbone.gateway.session;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.mudbackbone.broker.client.ClientPresets;
import org.mudbackbone.broker.client.TopicPartitions;
import org.mudbackbone.broker.message.JsonCodec;
import org.mudbackbone.broker.topic.Topic;
import org.mudbackbone.broker.topic.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads this gateway's own output topic and the world-status topic (committed records only): hands
 * each output to its session, and each world signal to the {@link WorldPresence}. Only this gateway's
 * sessions' output arrives here: the world routes per gateway.
 */
public final class OutputDispatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OutputDispatcher.class);

    private final Consumer<String, byte[]> consumer;
    private final SessionManager sessions;
    private final Topic topic;
    private final Topic status;
    private final Thread thread;
    private final CountDownLatch assigned = new CountDownLatch(1);
    private volatile boolean closed;

    public OutputDispatcher(String bootstrapServers, Topics topics, String gatewayId, SessionManager sessions) {
        this.consumer = new KafkaConsumer<>(ClientPresets.outputConsumer(bootstrapServers, gatewayId));
        this.sessions = sessions;
        this.topic = topics.output(gatewayId);
        this.status = topics.worldStatus();
        this.thread = new Thread(this::run, "output-" + gatewayId);
    }

    /** Starts reading from the end of the topic and returns once the position is fixed. */
    public void start() throws InterruptedException {
        thread.start();
        assigned.await();
    }

    private void run() {
        try {
            List<TopicPartition> partitions = java.util.stream.Stream.of(topic, status)
                    .flatMap(t -> TopicPartitions.of(consumer, t, Duration.ofSeconds(60)).stream()).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            // fix the positions now, so that nothing written after start() returns is missed
            partitions.forEach(consumer::position);
            assigned.countDown();
            LOG.info("reading output from {}", topic.name());
            while (!closed) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.topic().equals(status.name())) {
                        JsonCodec.SIGNAL.decode(record.value())
                                .ifPresent(s -> sessions.presence().signal(s, System.currentTimeMillis()));
                    } else {
                        JsonCodec.OUTPUT.decode(record.value()).ifPresent(this::deliverSafely);
                    }
                }
                long now = System.currentTimeMillis();
                sessions.presence().tick(now);
                sessions.tick(now);
            }
        } catch (WakeupException e) {
            if (!closed) {
                throw e;
            }
        } catch (RuntimeException e) {
            LOG.error("output dispatcher stopped", e);
        } finally {
            assigned.countDown();
            consumer.close();
        }
    }

    private void deliverSafely(org.mudbackbone.broker.message.GameOutput output) {
        try {
            sessions.deliver(output);
        } catch (RuntimeException e) {
            LOG.warn("session {}: output {} not delivered: {}", output.session(), output.seq(), e.toString());
        }
    }

    public boolean running() {
        return thread.isAlive() && !closed;
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        consumer.wakeup();
        thread.join(10_000);
    }
}
