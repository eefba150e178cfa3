package org.mudbackbone.broker.message;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Many outputs for one gateway in one output record, in the order the world made them. A say heard
 * by a room of 50 is one record instead of 50: the records a transaction writes, and the work of
 * the broker that follows them, grow with the gateways a transaction reaches, not with the listeners.
 * A reader takes a record holding one {@link GameOutput} (what worlds before this wrote) as well.
 */
public record OutputBatch(String type, List<GameOutput> outputs) {

    private static final Logger LOG = LoggerFactory.getLogger(OutputBatch.class);

    public static final String TYPE = "batch";

    public OutputBatch(List<GameOutput> outputs) {
        this(TYPE, outputs);
    }

    @JsonProperty("v")
    public int version() {
        return GameOutput.VERSION;
    }

    public static byte[] encode(List<GameOutput> outputs) {
        try {
            return JsonCodec.MAPPER.writeValueAsBytes(new OutputBatch(outputs));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The outputs in an output record, a batch or a single one; an output of a type this reader does
     * not know is skipped and logged, the others are kept.
     */
    public static List<GameOutput> decode(byte[] bytes) {
        if (bytes == null) {
            return List.of();
        }
        JsonNode tree;
        try {
            tree = JsonCodec.MAPPER.readTree(bytes);
        } catch (IOException e) {
            LOG.warn("skipping an unreadable output record ({})", e.getMessage());
            return List.of();
        }
        if (tree == null || !TYPE.equals(tree.path("type").asText())) {
            return JsonCodec.OUTPUT.decode(bytes).map(List::of).orElse(List.of());
        }
        List<GameOutput> outputs = new ArrayList<>();
        for (JsonNode item : tree.path("outputs")) {
            try {
                GameOutput output = JsonCodec.MAPPER.treeToValue(item, GameOutput.class);
                if (output != null) {
                    outputs.add(output);
                } else {
                    LOG.warn("skipping an output of unknown type in a batch: {}", item.path("type").asText());
                }
            } catch (IOException e) {
                LOG.warn("skipping an unreadable output in a batch ({})", e.getMessage());
            }
        }
        return outputs;
    }
}
