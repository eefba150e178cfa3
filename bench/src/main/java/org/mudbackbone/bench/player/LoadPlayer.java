package org.mudbackbone.bench.player;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.mudbackbone.bench.measure.Tally;
import org.mudbackbone.bench.telnet.EchoMatcher;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * One player on any {@link Wire}: connects, creates its character, then says numbered lines when
 * told to and records the echo of each. It never waits for an answer before it sends the next line
 * (the schedule is the sender's, not the server's).
 */
public final class LoadPlayer {

    /** The world's answer to a character made; anything else is not yet a login. */
    static final String CREATED = "Your character is made";
    /** The world's answers that end a login attempt: no point waiting for the timeout. */
    private static final String[] REFUSED = {"That name is taken", "A name is 2 to 20 letters", "Someone took that name",
        "Too many logins at once", "Cannot check that secret"};

    private final int index;
    private final String name;
    private final String password;
    private final Tally tally;
    private final EchoMatcher lines;
    /** When line k was scheduled ({@link System#nanoTime()}), 0 if it was never sent. */
    private final long[] scheduledAt;
    /** How many echoes of line k arrived. */
    private final AtomicIntegerArray answers;
    private final Sinks.One<LoadPlayer> created = Sinks.one();
    private final Wire wire;
    private volatile boolean playing;
    private volatile boolean droppedByServer;
    /** The highest line number echoed so far (on the event loop only). */
    private int lastEchoed = -1;

    public LoadPlayer(int index, PlayerNames names, EchoMatcher kind, int lines, Tally tally, Wire wire) {
        this.index = index;
        this.lines = kind;
        this.name = names.name(index);
        this.password = names.password(index);
        this.tally = tally;
        this.scheduledAt = new long[lines];
        this.answers = new AtomicIntegerArray(lines);
        this.wire = wire;
    }

    /** Connects through {@code wire}, creates the character, and completes once the world says it is made. */
    public Mono<LoadPlayer> connectAndCreate(Duration timeout) {
        long began = System.nanoTime();
        return wire.open(new Wire.Lines() {
                    @Override
                    public void line(String text, long readAtNanos) {
                        LoadPlayer.this.line(text, readAtNanos);
                    }

                    @Override
                    public void closedByServer() {
                        droppedByServer = true;
                        created.tryEmitError(new IllegalStateException("connection closed by the server"));
                    }
                })
                .then(Mono.defer(() -> {
                    wire.send("create " + name + " " + password);
                    return created.asMono();
                }))
                .timeout(timeout)
                .doOnSuccess(p -> tally.loggedIn(System.nanoTime() - began))
                .doOnError(e -> close());
    }

    private void line(String line, long readAt) {
        if (!playing) {
            if (line.contains(CREATED)) {
                playing = true;
                created.tryEmitValue(this);
            } else {
                for (String refusal : REFUSED) {
                    if (line.contains(refusal)) {
                        created.tryEmitError(new IllegalStateException(name + ": " + line.strip()));
                    }
                }
            }
            return;
        }
        tally.received();
        int k = lines.echoedNumber(line, index);
        if (k == -1) {
            return;
        }
        // scheduledAt[k] was written before the line went to this channel's event loop (a task
        // queue hand-off), and its echo is read on that same loop: the write is visible here
        if (k < 0 || k >= scheduledAt.length || scheduledAt[k] == 0) {
            tally.countMisrouted();
        } else if (answers.getAndIncrement(k) > 0) {
            tally.countDuplicate();
        } else {
            tally.answered(scheduledAt[k], readAt);
            if (k < lastEchoed) {
                tally.countOutOfOrder();
            }
            lastEchoed = Math.max(lastEchoed, k);
        }
    }

    /**
     * Says line {@code k}, scheduled at {@code scheduledNanos}; from the sender thread.
     *
     * @return false if the connection is gone (the line is not sent)
     */
    public boolean say(int k, long scheduledNanos) {
        scheduledAt[k] = scheduledNanos;
        if (!wire.send(lines.command(index, k))) {
            scheduledAt[k] = 0;
            return false;
        }
        return true;
    }

    /** Lines sent (among the first {@code sent}) that got no echo. */
    public int unanswered(int sent) {
        int lost = 0;
        for (int k = 0; k < sent; k++) {
            if (scheduledAt[k] != 0 && answers.get(k) == 0) {
                lost++;
            }
        }
        return lost;
    }

    public boolean droppedByServer() {
        return droppedByServer;
    }

    public int index() {
        return index;
    }

    /** Closes the connection (the player does not say quit: the run ends, it does not log out). */
    public void close() {
        wire.close();
    }
}
