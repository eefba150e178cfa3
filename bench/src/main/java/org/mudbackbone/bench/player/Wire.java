package org.mudbackbone.bench.player;

import reactor.core.publisher.Mono;

/**
 * How a load player reaches the gateway: one protocol's connection, reduced to lines out and lines
 * in. The player's accounting is the same on every wire, so the protocols can be compared.
 */
public interface Wire {

    /** Where a wire hands what it reads: each line of text, and when the bytes carrying it arrived. */
    interface Lines {
        void line(String text, long readAtNanos);

        /** The connection ended without {@link #close()} being called. */
        void closedByServer();
    }

    /** Connects; completes once the wire can send lines (for sessions APIs: once a session exists). */
    Mono<Void> open(Lines lines);

    /** Sends one typed line, from any thread; false if the connection is gone. */
    boolean send(String text);

    /** Ends the connection (the run ends; the player does not log out). */
    void close();
}
