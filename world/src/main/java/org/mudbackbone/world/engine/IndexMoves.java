package org.mudbackbone.world.engine;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** How one transaction moved objects between the keys of one index, relative to the view beneath it. */
final class IndexMoves {

    private final Map<String, Set<String>> added = new HashMap<>();
    private final Map<String, Set<String>> removed = new HashMap<>();

    /** Object {@code id} left key {@code from} and now has key {@code to} (either may be null: none). */
    void move(String id, String from, String to) {
        if (from != null) {
            take(added, from, id);
            put(removed, from, id);
        }
        if (to != null) {
            take(removed, to, id);
            put(added, to, id);
        }
    }

    /** Whether this transaction moved anything into or out of {@code key}. */
    boolean touches(String key) {
        Set<String> in = added.get(key);
        Set<String> out = removed.get(key);
        return (in != null && !in.isEmpty()) || (out != null && !out.isEmpty());
    }

    /** Corrects the IDs found under {@code key} beneath this transaction. */
    void applyTo(String key, Set<String> ids) {
        ids.removeAll(removed.getOrDefault(key, Set.of()));
        ids.addAll(added.getOrDefault(key, Set.of()));
    }

    private static void put(Map<String, Set<String>> sets, String key, String id) {
        sets.computeIfAbsent(key, k -> new HashSet<>()).add(id);
    }

    private static void take(Map<String, Set<String>> sets, String key, String id) {
        Set<String> set = sets.get(key);
        if (set != null) {
            set.remove(id);
        }
    }
}
