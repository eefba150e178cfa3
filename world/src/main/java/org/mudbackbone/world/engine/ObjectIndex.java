package org.mudbackbone.world.engine;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.mudbackbone.world.model.WorldObject;

/** A secondary index over committed objects: key (such as a room ID) to the IDs of the objects with that key. */
final class ObjectIndex {

    private final Function<WorldObject, String> key;
    private final Map<String, Set<String>> ids = new HashMap<>();

    ObjectIndex(Function<WorldObject, String> key) {
        this.key = key;
    }

    String keyOf(WorldObject object) {
        return object == null ? null : key.apply(object);
    }

    void update(String id, WorldObject before, WorldObject after) {
        String oldKey = keyOf(before);
        String newKey = keyOf(after);
        if (Objects.equals(oldKey, newKey)) {
            return;
        }
        if (oldKey != null) {
            Set<String> set = ids.get(oldKey);
            set.remove(id);
            if (set.isEmpty()) {
                ids.remove(oldKey);
            }
        }
        if (newKey != null) {
            ids.computeIfAbsent(newKey, k -> new HashSet<>()).add(id);
        }
    }

    /** How many distinct keys have at least one object. */
    int keys() {
        return ids.size();
    }

    /** The keys that have at least one object, as committed (a copy). */
    java.util.Set<String> keySet() {
        return Set.copyOf(ids.keySet());
    }

    /** The IDs under {@code indexKey}: a read-only view, not a copy. */
    Set<String> lookup(String indexKey) {
        Set<String> found = ids.get(indexKey);
        return found == null ? Set.of() : java.util.Collections.unmodifiableSet(found);
    }
}
