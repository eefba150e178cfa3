package org.mudbackbone.world.engine;

import java.time.Duration;

/**
 * How long a failed world waits before it tries again: doubling from {@code first} up to {@code max},
 * so that a broker that is away is not hammered, and back to {@code first} once a term has gone well.
 */
final class Backoff {

    private final long firstMs;
    private final long maxMs;
    private long nextMs;

    Backoff(Duration first, Duration max) {
        this.firstMs = first.toMillis();
        this.maxMs = max.toMillis();
        this.nextMs = firstMs;
    }

    /** The pause before the next try; each call doubles the one after. */
    long next() {
        long pause = nextMs;
        nextMs = Math.min(maxMs, nextMs * 2);
        return pause;
    }

    void reset() {
        nextMs = firstMs;
    }
}
