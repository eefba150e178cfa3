package org.mudbackbone.world.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mudbackbone.world.model.InputPositions;
import org.mudbackbone.world.model.SessionLink;
import org.mudbackbone.world.model.WorldTerm;
import org.mudbackbone.world.model.WorldObject;

/**
 * The world's memory: a cache of the state topic, committed objects only. Commands never change it
 * directly; they work in a {@link Transaction}, whose changes are applied here only after Kafka
 * committed them, so an aborted transaction never leaves memory ahead of Kafka.
 */
public final class WorldState {

    private final Map<String, WorldObject> objects = new HashMap<>();
    /**
     * Each session's next output sequence number in this term: memory only. Numbers start at
     * {@code term << 32}, above anything an earlier term sent, so nothing is written per output.
     */
    private final Map<String, Long> nextOutputSeq = new HashMap<>();
    private long termBase;
    /** Room ID to the objects in it. */
    final ObjectIndex contents = new ObjectIndex(WorldObject::location);
    /** Character ID to the sessions controlling it. */
    final ObjectIndex controllers = new ObjectIndex(o -> o instanceof SessionLink s ? s.character() : null);
    /** Every logged-in session, under one key. */
    final ObjectIndex loggedIn = new ObjectIndex(o -> o instanceof SessionLink s && s.character() != null ? "all" : null);

    /** A resume token's hash to the session whose client holds it. */
    final ObjectIndex resumeTokens = new ObjectIndex(o -> o instanceof SessionLink s ? s.resumeHash() : null);

    /** A gateway's ID to the sessions it holds. */
    final ObjectIndex byGateway = new ObjectIndex(o -> o instanceof SessionLink s ? s.gateway() : null);

    private final List<ObjectIndex> indexes = List.of(contents, controllers, loggedIn, resumeTokens, byGateway);

    List<ObjectIndex> indexes() {
        return indexes;
    }

    public WorldObject get(String id) {
        return objects.get(id);
    }

    public int size() {
        return objects.size();
    }

    /** Characters someone plays (committed): one player with two sessions counts once. */
    public int playersOnline() {
        return controllers.keys();
    }

    public Transaction begin() {
        return new Transaction(this);
    }

    /** Applies what a committed transaction did: its changes and the output numbers it used. */
    public void commit(Transaction tx) {
        apply(tx.changes());
        nextOutputSeq.putAll(tx.outputSeqs());
    }

    /** The next output sequence number of {@code session} as committed. */
    long nextOutputSeq(String session) {
        return nextOutputSeq.getOrDefault(session, termBase);
    }

    /** The term this world is active in, as read from state (0 if none was ever written). */
    public long term() {
        return get(WorldTerm.ID) instanceof WorldTerm t ? t.term() : 0;
    }

    /** Where input is read next, as committed (none: read from the group's offsets, or the start). */
    public InputPositions inputPositions() {
        return get(InputPositions.ID) instanceof InputPositions p ? p : InputPositions.none();
    }

    /** Numbers output from now on in {@code term}: call once the term is committed. */
    void startTerm(long term) {
        termBase = term << 32;
        nextOutputSeq.clear();
    }

    /** Applies committed changes; a {@code null} value deletes. */
    public void apply(Map<String, WorldObject> changes) {
        changes.forEach((id, after) -> {
            WorldObject before = after == null ? objects.remove(id) : objects.put(id, after);
            if (after == null && before instanceof SessionLink link) {
                nextOutputSeq.remove(link.session());
            }
            for (ObjectIndex index : indexes) {
                index.update(id, before, after);
            }
        });
    }

    /** Loads one record read from the state topic ({@code null}: a tombstone). */
    public void load(String id, WorldObject object) {
        Map<String, WorldObject> one = new HashMap<>(1);
        one.put(id, object);
        apply(one);
    }

    Set<String> lookup(ObjectIndex index, String key) {
        return index.lookup(key);
    }
}
