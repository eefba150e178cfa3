package org.mudbackbone.world.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * The outputs for each gateway, in the order they were made, cut into lists of at most
     * {@code perRecord}: each list becomes one output record.
     */
    Map<String, List<List<GameOutput>>> byGateway(int perRecord) {
        Map<String, List<List<GameOutput>>> records = new LinkedHashMap<>();
        for (Envelope envelope : envelopes) {
            List<List<GameOutput>> lists = records.computeIfAbsent(envelope.gateway(), g -> new ArrayList<>());
            if (lists.isEmpty() || lists.get(lists.size() - 1).size() >= perRecord) {
                lists.add(new ArrayList<>());
            }
            lists.get(lists.size() - 1).add(envelope.output());
        }
        return records;
    }

    public List<Envelope> envelopes() {
        return envelopes;
    }
}
