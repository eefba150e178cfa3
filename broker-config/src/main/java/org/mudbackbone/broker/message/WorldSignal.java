package org.mudbackbone.broker.message;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * What the active world says about itself, on the world-status topic that every gateway reads.
 * Written in the world's transactions, so a fenced world can never send one.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = WorldSignal.Heartbeat.class, name = "heartbeat"),
    @JsonSubTypes.Type(value = WorldSignal.Stopping.class, name = "stopping"),
})
public sealed interface WorldSignal {

    int VERSION = 1;

    /** The world process that wrote it (a new ID at every start). */
    String instance();

    /** Epoch milliseconds at the world. */
    long at();

    @JsonProperty("v")
    default int version() {
        return VERSION;
    }

    /**
     * The world is active and reading input; sent every {@code intervalMs}, with the number of
     * players logged in (for MSSP and the like).
     */
    record Heartbeat(String instance, long at, long intervalMs, int players) implements WorldSignal {}

    /** The world is stopping on purpose (a restart, usually to load new code). */
    record Stopping(String instance, long at) implements WorldSignal {}
}
