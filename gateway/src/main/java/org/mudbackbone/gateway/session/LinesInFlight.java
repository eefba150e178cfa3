package org.mudbackbone.gateway.session;

import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * When each line a session sent was read from its connection, until the world's prompt answers it:
 * the round trip a player feels, from typing to the answer, measured at the gateway.
 */
final class LinesInFlight {

    /** Lines remembered per session; a player typing faster than the world answers loses only figures. */
    private static final int LIMIT = 64;

    private final ConcurrentSkipListMap<Long, Long> readAt = new ConcurrentSkipListMap<>();

    void sent(long seq, long at) {
        readAt.put(seq, at);
        while (readAt.size() > LIMIT) {
            readAt.pollFirstEntry();
        }
    }

    /** The world answered every input up to {@code answers}; when that line was read, or -1. */
    long answered(long answers) {
        Long at = readAt.get(answers);
        Map<Long, Long> done = readAt.headMap(answers, true);
        done.clear();
        return at == null ? -1 : at;
    }
}
