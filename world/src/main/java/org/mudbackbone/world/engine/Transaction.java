package org.mudbackbone.world.engine;

import java.util.HashMap;
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
    private final Map<ObjectIndex, IndexMoves> moves = new HashMap<>();
    /** Output sequence numbers taken here: memory only, never written to Kafka (see WorldTerm). */
    private final Map<String, Long> outputSeqs = new HashMap<>();

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
        change(object.id(), object);
    }

    public void delete(String id) {
        change(id, null);
    }

    /** Records a change, and how it moves the object between index keys ({@code null}: deleted). */
    private void change(String id, WorldObject after) {
        WorldObject before = get(id);
        changes.put(id, after);
        for (ObjectIndex index : state.indexes()) {
            String from = index.keyOf(before);
            String to = index.keyOf(after);
            if (!Objects.equals(from, to)) {
                moves.computeIfAbsent(index, i -> new IndexMoves()).move(id, from, to);
            }
        }
    }

    /**
     * IDs of the objects whose index key is {@code key}, with this transaction's changes applied: the
     * committed IDs (or the parent's view), corrected by the moves this transaction made. Costs the
     * size of the answer, not the size of the transaction: a transaction may hold thousands of changes.
     * Read-only; a level that moved nothing under {@code key} copies nothing (a say in a crowded room
     * asks this once per listener, through the nested transaction of its input).
     */
    Set<String> find(ObjectIndex index, String key) {
        Set<String> beneath = parent != null ? parent.find(index, key) : state.lookup(index, key);
        IndexMoves moved = moves.get(index);
        if (moved == null || !moved.touches(key)) {
            return beneath;
        }
        Set<String> ids = new HashSet<>(beneath);
        moved.applyTo(key, ids);
        return java.util.Collections.unmodifiableSet(ids);
    }

    Transaction nested() {
        return new Transaction(state, this);
    }

    /** Moves a nested transaction's changes into its parent, in the order they were made. */
    void mergeIntoParent() {
        changes.forEach(parent::change);
        parent.outputSeqs.putAll(outputSeqs);
    }

    /** Takes {@code session}'s next output sequence number; undone with the transaction if it aborts. */
    long takeOutputSeq(String session) {
        long seq = peekOutputSeq(session);
        outputSeqs.put(session, seq + 1);
        return seq;
    }

    private long peekOutputSeq(String session) {
        Long here = outputSeqs.get(session);
        if (here != null) {
            return here;
        }
        return parent != null ? parent.peekOutputSeq(session) : state.nextOutputSeq(session);
    }

    Map<String, Long> outputSeqs() {
        return outputSeqs;
    }

    public Map<String, WorldObject> changes() {
        return changes;
    }

    WorldState state() {
        return state;
    }
}
