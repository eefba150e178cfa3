package org.mudbackbone.world.model;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where the world reads input next: for each input partition, the offset after the last input done.
 * It is state like any other, written in the transaction that did those inputs, so a new world
 * starts exactly where the last commit left off. The consumer group's committed offsets are not used
 * for this: a killed world's open transaction can leave a pending offset commit that keeps a
 * {@code read_committed} consumer from learning where to start on that partition for a minute.
 */
public record InputPositions(String id, Map<Integer, Long> next) implements WorldObject {

    public static final String ID = "world:input";

    public InputPositions {
        next = Map.copyOf(next);
    }

    public static InputPositions none() {
        return new InputPositions(ID, Map.of());
    }

    /** These positions moved on to {@code moved} (partition to next offset); others are kept. */
    public InputPositions advancedTo(Map<Integer, Long> moved) {
        Map<Integer, Long> merged = new HashMap<>(next);
        merged.putAll(moved);
        return new InputPositions(ID, merged);
    }

    @Override
    public String toString() {
        return "InputPositions" + new TreeMap<>(next);
    }
}
