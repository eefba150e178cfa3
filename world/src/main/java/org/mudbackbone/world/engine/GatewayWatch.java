package org.mudbackbone.world.engine;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import org.mudbackbone.broker.message.PlayerInput;
import org.mudbackbone.world.model.SessionLink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices gateways that died or restarted, from their {@code gateway-alive} inputs, and ends the
 * sessions they held: a session whose client can resume (it holds a resume token) is marked as having
 * lost its client and waits for it, at any gateway, for the resume window, its output still written
 * so that a resume finds it; any other session (telnet) ends at once, and its character's room hears
 * that it disconnected. Memory only: a world that takes over starts every gateway's clock afresh, so
 * a gateway that died while no world led is noticed one timeout after the new world begins.
 */
public final class GatewayWatch {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayWatch.class);

    /** Five missed beats of a gateway's 2-second heartbeat. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    /** The gateways' own default resume window: after it a lost client's session ends. */
    public static final Duration DEFAULT_RESUME_WINDOW = Duration.ofMinutes(10);

    /** What is known of one gateway: its latest incarnation and when it was last heard (or first looked for). */
    private record Heard(String incarnation, long at) {}

    private final Duration timeout;
    private final Duration resumeWindow;
    private final LongSupplier clock;
    private final Map<String, Heard> heard = new HashMap<>();
    private long lastCheck = -1;

    public GatewayWatch(Duration timeout, Duration resumeWindow, LongSupplier clock) {
        this.timeout = timeout;
        this.resumeWindow = resumeWindow;
        this.clock = clock;
    }

    /** A gateway's heartbeat; a new incarnation means the sessions of the one before are gone. */
    void alive(Game game, PlayerInput.GatewayAlive alive) {
        Heard before = heard.put(alive.gateway(), new Heard(alive.incarnation(), clock.getAsLong()));
        if (before == null) {
            LOG.info("gateway {} is alive (incarnation {})", alive.gateway(), alive.incarnation());
        } else if (before.incarnation() != null && !before.incarnation().equals(alive.incarnation())) {
            LOG.info("gateway {} restarted (incarnation {} after {}): its earlier sessions are gone", alive.gateway(),
                    alive.incarnation(), before.incarnation());
            endSessionsOf(game, alive.gateway(), "restarted");
        }
    }

    /** Ends the sessions of gateways silent for longer than the timeout; once per transaction. */
    void check(Game game) {
        long now = clock.getAsLong();
        if (lastCheck >= 0 && now - lastCheck > timeout.toMillis() / 2) {
            // the world itself heard nobody for a while (broker away, a long stall, standing by): no gateway is blamed
            heard.replaceAll((gateway, last) -> new Heard(last.incarnation(), now));
        }
        lastCheck = now;
        for (String gateway : game.gatewaysHoldingSessions()) {
            Heard last = heard.computeIfAbsent(gateway, g -> new Heard(null, now));
            if (now - last.at() > timeout.toMillis()) {
                endSessionsOf(game, gateway, "silent for " + (now - last.at()) / 1000 + " s");
            }
        }
    }

    private void endSessionsOf(Game game, String gateway, String why) {
        long now = clock.getAsLong();
        int ended = 0;
        int waiting = 0;
        for (SessionLink link : game.sessionsOn(gateway)) {
            boolean canResume = link.resumeHash() != null;
            if (canResume && link.detachedAt() == 0) {
                game.put(link.detached(now));
                waiting++;
            } else if (!canResume || now - link.detachedAt() > resumeWindow.toMillis()) {
                game.endSession(link);
                ended++;
            }
        }
        if (ended > 0 || waiting > 0) {
            LOG.info("gateway {} lost ({}): {} session(s) ended, {} waiting for their clients to resume elsewhere",
                    gateway, why, ended, waiting);
        }
    }
}
