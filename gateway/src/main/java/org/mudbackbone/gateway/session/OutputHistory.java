package org.mudbackbone.gateway.session;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.mudbackbone.broker.message.GameOutput;

/**
 * A session's latest outputs, as the world numbered them, so that a client that lost its connection
 * can be shown what followed the last output it saw. Bounded by count and by characters: a session
 * nobody reads must not grow the gateway's memory; the oldest go first, and a client asking for
 * more than is kept learns that it missed some ({@link Replay#gap}).
 */
final class OutputHistory {

    /** What to show a returning client, and whether outputs it never saw were already dropped. */
    record Replay(List<GameOutput> outputs, boolean gap) {}

    private final int maxOutputs;
    private final long maxChars;
    private final ArrayDeque<GameOutput> kept = new ArrayDeque<>();
    private long chars;
    /** The highest sequence number dropped to stay within the bounds (-1: none). */
    private long droppedUpTo = -1;

    OutputHistory(int maxOutputs, long maxChars) {
        this.maxOutputs = maxOutputs;
        this.maxChars = maxChars;
    }

    synchronized void add(GameOutput output) {
        if (maxOutputs == 0) {
            droppedUpTo = output.seq(); // keeps nothing: a protocol that cannot come back
            return;
        }
        kept.addLast(output);
        chars += size(output);
        while (kept.size() > maxOutputs || (chars > maxChars && kept.size() > 1)) {
            GameOutput oldest = kept.removeFirst();
            chars -= size(oldest);
            droppedUpTo = oldest.seq();
        }
    }

    /** Everything kept after {@code lastSeen}, in order; a gap if something after it was dropped. */
    synchronized Replay after(long lastSeen) {
        List<GameOutput> outputs = new ArrayList<>();
        for (GameOutput output : kept) {
            if (output.seq() > lastSeen) {
                outputs.add(output);
            }
        }
        return new Replay(outputs, droppedUpTo > lastSeen);
    }

    synchronized int size() {
        return kept.size();
    }

    /** Roughly what an output holds in memory, in characters of its text. */
    private static long size(GameOutput output) {
        if (output instanceof GameOutput.Text t) {
            return t.markup().length() + 32;
        }
        if (output instanceof GameOutput.Prompt p) {
            return p.markup().length() + 32;
        }
        if (output instanceof GameOutput.Oob o) {
            return o.pkg().length() + o.json().length() + 32;
        }
        return 64;
    }
}
