package org.mudbackbone.gateway.session;

import org.mudbackbone.broker.message.GameOutput;

/**
 * The protocol side of a session: how one protocol shows the world's output to its client. Each
 * protocol implements it in its own package; everything else about a session is protocol-free.
 */
public interface SessionConnection {

    /**
     * Shows one output the world sent to this session (text, prompt or out-of-band data), with its
     * sequence number. By default the output's content goes to {@link #text}, {@link #prompt} or
     * {@link #oob} and the number is not shown; a protocol whose client keeps the numbers (to ask
     * for what followed the last one it saw) overrides this. An output type this protocol does not
     * know is not shown.
     */
    default void show(GameOutput output) {
        if (output instanceof GameOutput.Text text) {
            text(text.markup());
        } else if (output instanceof GameOutput.Prompt prompt) {
            prompt(prompt.markup());
        } else if (output instanceof GameOutput.Oob oob) {
            oob(oob.pkg(), oob.json());
        }
    }

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

    /** Shows a last message (markup) and closes the connection: the session is over for this client. */
    void close(String markup);

    /**
     * Shows a notice (markup) and closes the connection while the session lives on, for a client
     * that can come back to it ({@link SessionManager#resume}). By default the same as {@link #close}.
     */
    default void drop(String markup) {
        close(markup);
    }
}
