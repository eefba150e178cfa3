package org.mudbackbone.systemtest;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.mudbackbone.broker.client.ClientPresets;
import org.mudbackbone.world.WorldConfig;
import org.mudbackbone.world.engine.TransactionBudget;
import org.mudbackbone.world.engine.WorldLoop;

/**
 * How long the system tests wait, each bound derived from the setting that governs what is awaited,
 * so that a slow machine fails a test only when the promise itself is broken. A failed wait reports
 * the state at the moment it gave up, not when it began.
 */
final class Waits {

    private Waits() {}

    /** The world's defaults that the bounds below are made of. */
    static final Duration LEADER_SESSION_TIMEOUT = WorldProcess.LEADER_TIMEOUT;
    static final Duration HEARTBEAT = Duration.ofMillis(WorldConfig.DEFAULT_HEARTBEAT_MS);
    static final Duration MAX_INPUT_AGE = Duration.ofSeconds(WorldConfig.DEFAULT_MAX_INPUT_AGE_SECONDS);

    /**
     * A JVM with Micronaut and Kafka clients starting on a busy 2-core machine (about 3 s on an idle
     * one): not a setting of ours, so a wide margin.
     */
    static final Duration JVM_START = Duration.ofSeconds(30);

    /**
     * How long a world paused or cut off from the broker can still believe it is active: one poll, the
     * work of one transaction, and its producer's longest call (ClientPresets.WORLD_CALL_BOUND), plus
     * a heartbeat for the loop to get round. The README states this bound.
     */
    static final Duration STEP_DOWN = ClientPresets.WORLD_CALL_BOUND
            .plus(TransactionBudget.DEFAULT.maxWork()).plus(HEARTBEAT);

    /**
     * From the start of a world (or the loss of the active one) to an active world: the JVM, the
     * leader group noticing a crashed leader (its session timeout), and the new leader fencing the
     * old one and reading state, each call bounded by the producer's.
     */
    static final Duration TO_ACTIVE = JVM_START.plus(LEADER_SESSION_TIMEOUT).plus(ClientPresets.WORLD_CALL_BOUND.multipliedBy(2));

    /**
     * Every line typed while the world was away is done or dropped within the input age limit of its
     * return, so a settled count needs no longer than that after the last line was typed.
     */
    static final Duration SETTLE = MAX_INPUT_AGE;

    /**
     * A round trip through gateway, broker and world when nothing is restarting: about 5 ms at p99
     * (README), so this bound is only about a machine far busier than ours, never about the design.
     */
    static final Duration ANSWER = Duration.ofSeconds(20);

    /**
     * A broker JVM starting, or starting again after SIGKILL: Kafka recovers its uncleanly closed logs
     * first (a second or two for a test's small logs). Not a setting of ours, so the JVM's margin twice.
     */
    static final Duration BROKER_START = JVM_START.multipliedBy(2);

    /**
     * The gateway counts the world away after three missed heartbeats (WorldPresence) and tells every
     * player at once; the rest is a busy machine's margin for one write to a socket.
     */
    static final Duration AWAY_NOTICE = HEARTBEAT.multipliedBy(3).plus(ANSWER);

    /**
     * From a broker back after an outage to an active world: a world that failed during the outage
     * waits out at most its longest back-off before it tries again, then leads as any new leader does
     * (the group forgets the members it can no longer hear after their session timeout; fencing and
     * reading state are producer calls with their bound). Nothing here is a JVM start.
     */
    static final Duration BACK_FROM_OUTAGE = WorldLoop.LONGEST_BACKOFF.plus(LEADER_SESSION_TIMEOUT)
            .plus(ClientPresets.WORLD_CALL_BOUND.multipliedBy(2));

    /** Waits for {@code condition}; on timeout fails with {@code state} as it is then. */
    static void until(String what, Duration atMost, Callable<Boolean> condition, Supplier<String> state) {
        try {
            Awaitility.await().atMost(atMost).pollInterval(Duration.ofMillis(20)).until(condition);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(what + " within " + atMost.toMillis() + " ms; now: " + state.get(), e);
        }
    }
}
