package org.mudbackbone.gateway.session;

import java.util.function.Consumer;
import org.mudbackbone.broker.message.WorldSignal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the world is there, judged from its signals: present while heartbeats arrive, away after
 * a stopping signal or when heartbeats stop for {@link #missedBeats} intervals. Each change is
 * announced once to every player; players keep typing all the while, and their input waits in Kafka.
 */
public final class WorldPresence {

    private static final Logger LOG = LoggerFactory.getLogger(WorldPresence.class);

    static final String AWAY = "{yellow}The world is restarting; what you type will be done when it is back.{/}";
    static final String BACK = "{green}The world is back.{/}";

    /** Heartbeats that may be missed before the world counts as away. */
    private static final int MISSED_BEATS = 3;
    private static final long DEFAULT_INTERVAL_MS = 1000;

    private enum State { UNKNOWN, PRESENT, AWAY }

    private final Consumer<String> announce;
    private final long startedAt;
    private State state = State.UNKNOWN;
    private long lastHeartbeat;
    private long intervalMs = DEFAULT_INTERVAL_MS;
    private String instance;
    private volatile int players;

    /** @param announce tells every player something (markup) */
    public WorldPresence(Consumer<String> announce, long now) {
        this.announce = announce;
        this.startedAt = now;
    }

    public synchronized void signal(WorldSignal signal, long now) {
        if (signal instanceof WorldSignal.Heartbeat beat) {
            lastHeartbeat = now;
            players = beat.players();
            intervalMs = Math.max(100, beat.intervalMs());
            if (!beat.instance().equals(instance)) {
                LOG.info("world {} is active", beat.instance());
                instance = beat.instance();
            }
            change(State.PRESENT);
        } else if (signal instanceof WorldSignal.Stopping stopping && stopping.instance().equals(instance)) {
            LOG.info("world {} is stopping", stopping.instance());
            change(State.AWAY);
        }
    }

    /** Call now and then: notices a world that went silent. */
    public synchronized void tick(long now) {
        long since = state == State.UNKNOWN ? Math.max(lastHeartbeat, startedAt) : lastHeartbeat;
        if (state != State.AWAY && now - since > missedBeats()) {
            LOG.warn("no heartbeat from the world for {} ms", now - since);
            change(State.AWAY);
        }
    }

    /** Players logged in to the world, as of its last heartbeat. */
    public int players() {
        return players;
    }

    public synchronized boolean away() {
        return state == State.AWAY;
    }

    private long missedBeats() {
        return MISSED_BEATS * intervalMs;
    }

    private void change(State next) {
        State previous = state;
        state = next;
        if (next == State.AWAY && previous != State.AWAY) {
            announce.accept(AWAY);
        } else if (next == State.PRESENT && previous == State.AWAY) {
            announce.accept(BACK);
        }
    }
}
