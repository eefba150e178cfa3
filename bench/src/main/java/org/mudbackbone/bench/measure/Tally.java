package org.mudbackbone.bench.measure;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * The shared counts and histograms of one run, written from the sender thread and the event loops.
 * Latency and lateness are recorded only for lines scheduled inside the measured window (after the
 * warm-up); the counts of lost and doubled lines cover the whole run.
 */
public final class Tally {

    /** Up to an hour, in microseconds, at three significant digits. */
    private static final long HIGHEST_MICROS = TimeUnit.HOURS.toMicros(1);

    private final ConcurrentHistogram latencyMicros = new ConcurrentHistogram(HIGHEST_MICROS, 3);
    private final ConcurrentHistogram sendLagMicros = new ConcurrentHistogram(HIGHEST_MICROS, 3);
    private final ConcurrentHistogram loginMicros = new ConcurrentHistogram(HIGHEST_MICROS, 3);
    private final LongAdder sent = new LongAdder();
    private final LongAdder sentInWindow = new LongAdder();
    private final LongAdder answered = new LongAdder();
    private final LongAdder answeredInWindow = new LongAdder();
    private final LongAdder duplicated = new LongAdder();
    private final LongAdder misrouted = new LongAdder();
    private final LongAdder unsent = new LongAdder();
    private final LongAdder linesReceived = new LongAdder();
    private final LongAdder outOfOrder = new LongAdder();
    private volatile long windowFrom = Long.MAX_VALUE;
    private volatile long windowTo = Long.MAX_VALUE;

    /** The measured window, in {@link System#nanoTime()}: lines scheduled in [from, to) are measured. */
    public void window(long fromNanos, long toNanos) {
        windowFrom = fromNanos;
        windowTo = toNanos;
    }

    private boolean inWindow(long scheduledNanos) {
        return scheduledNanos >= windowFrom && scheduledNanos < windowTo;
    }

    /** A line was written {@code lagNanos} after its scheduled time. */
    public void sent(long scheduledNanos, long lagNanos) {
        sent.increment();
        if (inWindow(scheduledNanos)) {
            sentInWindow.increment();
            sendLagMicros.recordValue(Math.min(HIGHEST_MICROS, Math.max(0, lagNanos / 1000)));
        }
    }

    /** A line could not be written: its player's connection is gone. */
    public void countUnsent() {
        unsent.increment();
    }

    /** The first echo of a line scheduled at {@code scheduledNanos} arrived at {@code arrivedNanos}. */
    public void answered(long scheduledNanos, long arrivedNanos) {
        answered.increment();
        if (inWindow(scheduledNanos)) {
            answeredInWindow.increment();
            latencyMicros.recordValue(Math.min(HIGHEST_MICROS, Math.max(0, (arrivedNanos - scheduledNanos) / 1000)));
        }
    }

    /** A line was echoed again. */
    public void countDuplicate() {
        duplicated.increment();
    }

    /** A line's first echo came after the echo of a later line of the same player. */
    public void countOutOfOrder() {
        outOfOrder.increment();
    }

    public long outOfOrder() {
        return outOfOrder.sum();
    }

    /** An echo of a line this player never sent, or of another player's line. */
    public void countMisrouted() {
        misrouted.increment();
    }

    /**
     * A line of any kind reached a playing player: with many in one room, each line said is heard by
     * all of them, and this count shows that fan-out (what the server really delivered).
     */
    public void received() {
        linesReceived.increment();
    }

    public long linesReceived() {
        return linesReceived.sum();
    }

    public void loggedIn(long tookNanos) {
        loginMicros.recordValue(Math.min(HIGHEST_MICROS, tookNanos / 1000));
    }

    /** Lines written and not (yet) answered. */
    public long outstanding() {
        return sent.sum() - answered.sum();
    }

    public Histogram latencyMicros() {
        return latencyMicros.copy();
    }

    public Histogram sendLagMicros() {
        return sendLagMicros.copy();
    }

    public Histogram loginMicros() {
        return loginMicros.copy();
    }

    public long sent() {
        return sent.sum();
    }

    public long sentInWindow() {
        return sentInWindow.sum();
    }

    public long answered() {
        return answered.sum();
    }

    public long answeredInWindow() {
        return answeredInWindow.sum();
    }

    public long duplicated() {
        return duplicated.sum();
    }

    public long misrouted() {
        return misrouted.sum();
    }

    public long unsent() {
        return unsent.sum();
    }
}
