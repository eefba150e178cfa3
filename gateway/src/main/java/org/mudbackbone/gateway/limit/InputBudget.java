package org.mudbackbone.gateway.limit;

/**
 * One session's allowance of typed lines and of out-of-band messages (GMCP, telnet option updates):
 * a token bucket each. The first refusal in a row warns; refusing a whole burst more in a row
 * means a flood, not a fast typist, and disconnects.
 */
public final class InputBudget {

    /** What to do with one line or message. */
    public enum Verdict {
        /** Take it. */
        PASS,
        /** Refuse it and tell the player why (the first refusal in a row). */
        WARN,
        /** Refuse it quietly. */
        REFUSE,
        /** A flood: refuse it and disconnect. */
        DISCONNECT
    }

    private final TokenBucket lines;
    private final TokenBucket oob;
    private final int lineBurst;
    private final int oobBurst;
    private int linesRefused;
    private int oobRefused;

    public InputBudget(LimitsConfig limits, long nowNanos) {
        this.lines = new TokenBucket(limits.linesPerSecond(), limits.lineBurst(), nowNanos);
        this.oob = new TokenBucket(limits.oobPerSecond(), limits.oobBurst(), nowNanos);
        this.lineBurst = limits.lineBurst();
        this.oobBurst = limits.oobBurst();
    }

    public synchronized Verdict line(long nowNanos) {
        if (lines.take(nowNanos)) {
            linesRefused = 0;
            return Verdict.PASS;
        }
        return verdict(++linesRefused, lineBurst);
    }

    public synchronized Verdict oob(long nowNanos) {
        if (oob.take(nowNanos)) {
            oobRefused = 0;
            return Verdict.PASS;
        }
        return verdict(++oobRefused, oobBurst);
    }

    /** Whether an option update may go now; one that may not waits, and only the latest is sent. */
    public synchronized boolean clientInfo(long nowNanos) {
        return oob.take(nowNanos);
    }

    private static Verdict verdict(int refusedInARow, int burst) {
        return refusedInARow == 1 ? Verdict.WARN : refusedInARow > burst ? Verdict.DISCONNECT : Verdict.REFUSE;
    }
}
