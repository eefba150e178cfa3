package org.mudbackbone.gateway.session;

import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.mudbackbone.broker.message.PlayerInput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the world this gateway is alive, every 2 seconds, with an incarnation of its own: the world
 * takes a gateway silent for 10 s for dead, and a new incarnation under the same ID for a restart,
 * and ends the sessions the gateway held (resumable ones wait for their clients to resume
 * elsewhere). Sent through the input publisher like any input, so it never blocks.
 */
public final class GatewayHeartbeat implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayHeartbeat.class);
    public static final long INTERVAL_MS = 2_000;

    private final InputPublisher publisher;
    private final String gatewayId;
    private final String incarnation = UUID.randomUUID().toString();
    private final Session self;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "gateway-heartbeat");
        thread.setDaemon(true);
        return thread;
    });

    public GatewayHeartbeat(InputPublisher publisher, String gatewayId) {
        this.publisher = publisher;
        this.gatewayId = gatewayId;
        this.self = new Session(PlayerInput.GatewayAlive.sessionFor(gatewayId), "gateway", "-", null);
    }

    /** Sends the first beat now (before any session of this incarnation opens), then one every interval. */
    public void start() {
        beat();
        timer.scheduleAtFixedRate(this::beat, INTERVAL_MS, INTERVAL_MS, TimeUnit.MILLISECONDS);
        LOG.info("gateway {} announces incarnation {}", gatewayId, incarnation);
    }

    private void beat() {
        long at = System.currentTimeMillis();
        publisher.publishAlways(self, seq -> new PlayerInput.GatewayAlive(self.id(), gatewayId, seq, at, incarnation,
                INTERVAL_MS));
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
