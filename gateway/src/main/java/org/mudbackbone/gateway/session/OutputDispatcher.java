package org.mudbackbone.gateway.session;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.mudbackbone.broker.client.ClientPresets;
import org.mudbackbone.broker.message.GameOutput;
import org.mudbackbone.broker.message.JsonCodec;
import org.mudbackbone.broker.message.OutputBatch;
import org.mudbackbone.broker.topic.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads this gateway's own output topic and the world-status topic (committed records only), each
 * on a thread of its own: hands each output to its session, and each world signal to the
 * {@link WorldPresence}. Only this gateway's sessions' output arrives here: the world routes per
 * gateway. The world's heartbeats have their own reader so that a backlog of output (a crowd
 * arriving in one room) never delays them and makes a busy world look like one that went away.
 */
public final class OutputDispatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OutputDispatcher.class);

    private final SessionManager sessions;
    private final TopicTail output;
    private final TopicTail status;

    public OutputDispatcher(String bootstrapServers, Topics topics, String gatewayId, SessionManager sessions,
            MeterRegistry meters) {
        this.sessions = sessions;
        Timer received = Timer.builder("mud.gateway.output.received")
                .description("from the world's send of an output record (inside its transaction) to this gateway reading it:"
                        + " the commit and the fetch (one hop of a command)")
                .register(meters);
        this.output = new TopicTail(ClientPresets.outputConsumer(bootstrapServers, gatewayId), "output-" + gatewayId,
                topics.output(gatewayId), r -> {
                    received.record(Math.max(0, System.currentTimeMillis() - r.timestamp()), TimeUnit.MILLISECONDS);
                    OutputBatch.decode(r.value()).forEach(this::deliverSafely);
                }, sessions::tick);
        // kafka_consumer_fetch_manager_records_lag_max: output the world made that players have not seen yet
        output.bindMetrics(meters);
        Properties statusConfig = ClientPresets.outputConsumer(bootstrapServers, gatewayId);
        statusConfig.put(ConsumerConfig.CLIENT_ID_CONFIG, "gateway-" + gatewayId + "-world-status");
        this.status = new TopicTail(statusConfig, "world-status-" + gatewayId, topics.worldStatus(),
                r -> JsonCodec.SIGNAL.decode(r.value()).ifPresent(s -> sessions.presence().signal(s, System.currentTimeMillis())),
                now -> sessions.presence().tick(now));
    }

    /** Starts reading from the end of both topics and returns once the positions are fixed. */
    public void start() throws InterruptedException {
        status.start();
        output.start();
    }

    private void deliverSafely(GameOutput out) {
        try {
            sessions.deliver(out);
        } catch (RuntimeException e) {
            LOG.warn("session {}: output {} not delivered: {}", out.session(), out.seq(), e.toString());
        }
    }

    public boolean running() {
        return output.running() && status.running();
    }

    @Override
    public void close() throws InterruptedException {
        output.close();
        status.close();
    }
}
