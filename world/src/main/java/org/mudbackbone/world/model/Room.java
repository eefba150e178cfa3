package org.mudbackbone.world.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A place. {@code exits} maps an exit name (usually a direction) to the ID of the room it leads to;
 * {@code num} is a stable number for clients' mappers.
 */
public record Room(String id, long num, String name, String area, String description, Map<String, String> exits)
        implements WorldObject {

    public Room {
        exits = exits == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(exits));
    }
}
