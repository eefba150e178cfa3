package org.mudbackbone.world.account;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Slows password guessing: after {@link #FREE_FAILURES} wrong passwords for a name, each further
 * attempt waits twice as long as the one before (1 s, 2 s, 4 s... at most {@link #MAX_WAIT_MS}),
 * until a login with that name succeeds. Kept by name whether or not a character has it, so that
 * the wait tells nobody which names exist. In memory: a world that restarts forgets the waits,
 * which at worst gives a guesser three more tries; the gateway bounds attempts per address too.
 */
public final class LoginThrottle {

    static final int FREE_FAILURES = 3;
    static final long MAX_WAIT_MS = 5 * 60_000;
    /** Names remembered at most; the least recently failed are forgotten first. */
    private static final int MAX_NAMES = 100_000;

    private record Failures(int count, long nextAllowedAt) {}

    private final LongSupplier clock;
    private final Map<String, Failures> byName = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
            return size() > MAX_NAMES;
        }
    };

    public LoginThrottle() {
        this(System::currentTimeMillis);
    }

    LoginThrottle(LongSupplier clock) {
        this.clock = clock;
    }

    /** How long a login with {@code name} must still wait, in ms (0: it may try now). */
    public synchronized long waitMs(String name) {
        Failures f = byName.get(key(name));
        return f == null ? 0 : Math.max(0, f.nextAllowedAt() - clock.getAsLong());
    }

    public synchronized void failed(String name) {
        Failures before = byName.get(key(name));
        int count = before == null ? 1 : before.count() + 1;
        long wait = count < FREE_FAILURES ? 0 : Math.min(MAX_WAIT_MS, 1000L << Math.min(20, count - FREE_FAILURES));
        byName.put(key(name), new Failures(count, clock.getAsLong() + wait));
    }

    public synchronized void succeeded(String name) {
        byName.remove(key(name));
    }

    private static String key(String name) {
        return name.toLowerCase(java.util.Locale.ROOT);
    }
}
