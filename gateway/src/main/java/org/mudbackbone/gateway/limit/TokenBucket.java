package org.mudbackbone.gateway.limit;

/**
 * A token bucket: {@code burst} tokens, refilled at {@code perSecond}; each event takes one. Not
 * thread-safe: each bucket belongs to one session or address, used under its owner's lock.
 * (Hand-written: a dozen lines, and a library bucket would bring its own clock and threads.)
 */
public final class TokenBucket {

    private final double perNano;
    private final double burst;
    private double tokens;
    private long last;

    public TokenBucket(double perSecond, int burst, long nowNanos) {
        this.perNano = perSecond / 1e9;
        this.burst = burst;
        this.tokens = burst;
        this.last = nowNanos;
    }

    /** Takes a token if there is one at {@code nowNanos}. */
    public boolean take(long nowNanos) {
        tokens = Math.min(burst, tokens + (nowNanos - last) * perNano);
        last = nowNanos;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
