package org.mudbackbone.gateway.http;

import org.mudbackbone.broker.message.GameOutput;
import org.mudbackbone.gateway.session.SessionConnection;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * An HTTP session's side of the output: nothing is pushed, the session keeps its output and readers
 * ask for what follows their last number. This only wakes the readers waiting (long-polls, event
 * streams) each time something new is kept, and remembers whether a secret is being asked for and
 * whether the session ended.
 */
final class HttpConnection implements SessionConnection {

    /** How many times output arrived: readers wait for it to pass the count they saw. */
    private final Sinks.Many<Long> changes = Sinks.many().replay().latest();
    private long count;
    private volatile boolean secretAsked;
    private volatile String ended;

    HttpConnection() {
        changes.tryEmitNext(0L);
    }

    @Override
    public void show(GameOutput output) {
        changed();
    }

    @Override
    public void text(String markup) {
        // the gateway's own notices are of the moment; an HTTP reader is not there to see them
    }

    @Override
    public void prompt(String markup) {
        // likewise: the world's prompts come with numbers, through show()
    }

    @Override
    public void oob(String pkg, String json) {
        // likewise
    }

    @Override
    public void hideInput(boolean hidden) {
        secretAsked = hidden;
        changed();
    }

    @Override
    public void colours(Integer colours) {
        // text is given as markup and as plain text; colour is the client's business
    }

    @Override
    public void close(String markup) {
        ended = markup;
        changed();
        changes.tryEmitComplete();
    }

    private synchronized void changed() {
        changes.tryEmitNext(++count);
    }

    /** The count now; then {@link #changes} tells when it passes this. */
    synchronized long count() {
        return count;
    }

    /** Each new count, the latest one first on subscribing; completes when the session ends. */
    Flux<Long> changes() {
        return changes.asFlux();
    }

    boolean secretAsked() {
        return secretAsked;
    }

    /** The last message of a session that ended, or null. */
    String ended() {
        return ended;
    }
}
