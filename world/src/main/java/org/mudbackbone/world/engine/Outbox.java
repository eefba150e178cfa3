package org.mudbackbone.world.engine;

import java.util.ArrayList;
import java.util.List;
import org.mudbackbone.broker.message.GameOutput;

/** Output made while processing a batch, with the gateway each goes to; sent in the batch's transaction. */
public final class Outbox {

    /** One output for the gateway that holds its session. */
    public record Envelope(String gateway, GameOutput output) {}

    private final List<Envelope> envelopes = new ArrayList<>();

    void add(String gateway, GameOutput output) {
        envelopes.add(new Envelope(gateway, output));
    }

    int mark() {
        return envelopes.size();
    }

    /** Forgets what was added after {@code mark}: the input that made it failed. */
    void rollback(int mark) {
        envelopes.subList(mark, envelopes.size()).clear();
    }

    public List<Envelope> envelopes() {
        return envelopes;
    }
}
