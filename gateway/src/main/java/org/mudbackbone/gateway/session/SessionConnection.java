package org.mudbackbone.gateway.session;

/**
 * The protocol side of a session: how one protocol shows the world's output to its client. Each
 * protocol implements it in its own package; everything else about a session is protocol-free.
 */
public interface SessionConnection {

    /** Shows text (markup) followed by a line break. */
    void text(String markup);

    /** Shows a prompt (markup) that waits for input on the same line. */
    void prompt(String markup);

    /** Out-of-band data for clients that take it; others ignore it. */
    void oob(String pkg, String json);

    /** Hides (or shows again) what the player types next, for secrets. */
    void hideInput(boolean hidden);

    /** Renders with this many colours from now on ({@code null}: as the client negotiated). */
    void colours(Integer colours);

    /** Shows a last message (markup) and closes the connection. */
    void close(String markup);
}
