package org.mudbackbone.bench;

import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.locks.LockSupport;
import org.mudbackbone.bench.measure.Tally;
import org.mudbackbone.bench.player.LoadPlayer;

/**
 * Sends every player's numbered lines on a fixed schedule, whatever the answers: player i says line
 * k at {@code start + offset(i) + k * period}, the offsets spreading the players evenly over one
 * period. A line sent late is still timed from its scheduled moment (so a stalled server, or a
 * stalled client, shows in the latency instead of hiding in fewer requests: no coordinated omission),
 * and the lateness itself is recorded, to tell a slow client from a slow server.
 */
final class OpenLoopSender {

    /** One line due: player, number, when. */
    private record Due(long at, int player, int k) {}

    /** Sleeping less than this is not worth a park: its wake-up is about as late. */
    private static final long SPIN_NANOS = 50_000;

    private final List<LoadPlayer> players;
    private final long periodNanos;
    private final int linesPerPlayer;
    private final Tally tally;
    private final int[] sent;

    OpenLoopSender(List<LoadPlayer> players, long periodNanos, int linesPerPlayer, Tally tally) {
        this.players = players;
        this.periodNanos = periodNanos;
        this.linesPerPlayer = linesPerPlayer;
        this.tally = tally;
        this.sent = new int[players.size()];
    }

    /** Runs the whole schedule from {@code startNanos} on the calling thread; returns when the last line is sent. */
    void run(long startNanos) {
        PriorityQueue<Due> queue = new PriorityQueue<>(Math.max(1, players.size()),
                (a, b) -> Long.compare(a.at(), b.at()));
        for (int i = 0; i < players.size(); i++) {
            queue.add(new Due(startNanos + periodNanos * i / players.size(), i, 0));
        }
        while (!queue.isEmpty()) {
            Due due = queue.poll();
            long wait;
            while ((wait = due.at() - System.nanoTime()) > 0) {
                if (wait > SPIN_NANOS) {
                    LockSupport.parkNanos(wait - SPIN_NANOS);
                } else {
                    Thread.onSpinWait();
                }
            }
            long now = System.nanoTime();
            if (players.get(due.player()).say(due.k(), due.at())) {
                tally.sent(due.at(), now - due.at());
                sent[due.player()] = due.k() + 1;
            } else {
                tally.countUnsent();
            }
            if (due.k() + 1 < linesPerPlayer) {
                queue.add(new Due(due.at() + periodNanos, due.player(), due.k() + 1));
            }
        }
    }

    /** How many lines player {@code i} has sent (read after {@link #run} returned, on its thread or after a join). */
    int sent(int player) {
        return sent[player];
    }
}
