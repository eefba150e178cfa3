package org.mudbackbone.gateway.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mudbackbone.broker.message.GameOutput;

class OutputHistoryTest {

    private static GameOutput text(long seq, String markup) {
        return new GameOutput.Text("s1", seq, markup);
    }

    private static List<Long> seqs(OutputHistory.Replay replay) {
        return replay.outputs().stream().map(GameOutput::seq).toList();
    }

    @Test
    void replaysExactlyWhatFollowsTheLastOutputSeen() {
        OutputHistory history = new OutputHistory(100, 100_000);
        for (long seq = 10; seq < 15; seq++) {
            history.add(text(seq, "line " + seq));
        }

        OutputHistory.Replay replay = history.after(12);

        assertEquals(List.of(13L, 14L), seqs(replay));
        assertFalse(replay.gap());
        assertEquals(List.of(), seqs(history.after(14)));
    }

    @Test
    void keepsTheNewestWithinItsCountAndSaysWhenOlderOnesWereDropped() {
        OutputHistory history = new OutputHistory(3, 100_000);
        for (long seq = 1; seq <= 5; seq++) {
            history.add(text(seq, "line " + seq));
        }

        assertEquals(3, history.size());
        OutputHistory.Replay replay = history.after(1);
        assertEquals(List.of(3L, 4L, 5L), seqs(replay));
        assertTrue(replay.gap(), "output 2 was dropped, and the client never saw it");
        assertFalse(history.after(2).gap(), "everything after 2 is kept");
    }

    @Test
    void aFloodOfLongTextIsBoundedByCharactersToo() {
        OutputHistory history = new OutputHistory(1_000, 1_000);
        for (long seq = 1; seq <= 100; seq++) {
            history.add(text(seq, "x".repeat(200)));
        }

        assertTrue(history.size() <= 5, "kept " + history.size());
        assertEquals(100L, seqs(history.after(0)).get(history.size() - 1));
    }

    @Test
    void aHistoryOfNothingKeepsNothingAndSaysSo() {
        OutputHistory none = new OutputHistory(0, 0);
        none.add(text(1, "one"));

        assertEquals(0, none.size());
        assertTrue(none.after(0).gap());
    }
}
