package org.mudbackbone.world.engine;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.mudbackbone.world.model.WorldObject;

/**
 * Changes made while processing one batch, seen through as if applied: reads look here first,
 * then at the committed state. A nested transaction lets one failing input be undone alone.
 */
public final class Transaction {

    private final WorldState state;
    private final Transaction parent;
    private final Map<String, WorldObject> changes = new LinkedHashMap<>();

    Transaction(WorldState state) {
        this(state, null);
    }

    private Transaction(WorldState state, Transaction parent) {
        this.state = state;
        this.parent = parent;
    }

    public WorldObject get(String id) {
        if (changes.containsKey(id)) {
            return changes.get(id);
        }
        return parent != null ? parent.get(id) : state.get(id);
    }

    public <T extends WorldObject> T get(String id, Class<T> type) {
        WorldObject object = get(id);
        return type.isInstance(object) ? type.cast(object) : null;
    }

    public void put(WorldObject object) {
        changes.put(object.id(), object);
    }

    public void delete(String id) {
        changes.put(id, null);
    }

    /** IDs of the objects whose index key is {@code key}, with this transaction's changes applied. */
    Set<String> find(ObjectIndex index, String key) {
        Set<String> ids = new HashSet<>(parent != null ? parent.find(index, key) : state.lookup(index, key));
        changes.forEach((id, after) -> {
            if (Objects.equals(index.keyOf(after), key)) {
                ids.add(id);
            } else {
                ids.remove(id);
            }
        });
        return ids;
    }

    Transaction nested() {
        return new Transaction(state, this);
    }

    /** Moves a nested transaction's changes into its parent. */
    void mergeIntoParent() {
        parent.changes.putAll(changes);
    }

    public Map<String, WorldObject> changes() {
        return changes;
    }

    WorldState state() {
        return state;
    }
}
