package org.mudbackbone.world.engine;

import java.time.Duration;

/**
 * How much one transaction may hold. Inputs are done one after another into the open transaction
 * until one of these is reached; the rest wait for the next. This bounds the time between commits,
 * and so between heartbeats and leader-group polls, by the work done rather than by the inputs read:
 * a room of 1,000 players each arriving makes a million outputs, and must not look like a dead world.
 *
 * @param maxRecords records written (state changes plus outputs) after which no further input is taken
 * @param maxWork    time spent doing inputs after which no further input is taken
 */
public record TransactionBudget(int maxRecords, Duration maxWork) {

    /**
     * 20,000 records commit in well under a second on a small broker (STACK.md: 36k–160k records/s);
     * 250 ms of work keeps commits, and with them heartbeats, several times a second.
     */
    public static final TransactionBudget DEFAULT = new TransactionBudget(20_000, Duration.ofMillis(250));

    boolean spent(int records, long workNanos) {
        return records >= maxRecords || workNanos >= maxWork.toNanos();
    }
}
