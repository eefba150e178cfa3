package org.mudbackbone.gateway.limit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Counts what each limit refused, as {@code mud.gateway.limit.refused{limit=...}}. */
public final class Refusals {

    private final MeterRegistry meters;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public Refusals(MeterRegistry meters) {
        this.meters = meters;
    }

    public void count(String limit) {
        counters.computeIfAbsent(limit, l -> Counter.builder("mud.gateway.limit.refused").tag("limit", l)
                .description("connections, lines or messages refused, and clients disconnected, by a limit")
                .register(meters)).increment();
    }

    /** How many times {@code limit} acted so far. */
    public double acted(String limit) {
        Counter c = counters.get(limit);
        return c == null ? 0 : c.count();
    }
}
