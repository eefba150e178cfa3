package org.mudbackbone.broker.message;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * What the world sends to one session: published to the output topic of the gateway holding the
 * session, keyed by session ID.
 *
 * <p>Each output carries a per-session sequence number that only grows: a gateway drops any output
 * whose number it has already passed, and a resuming client asks for what follows the last it saw.
 * Text is markup (see {@code org.mudbackbone.broker.markup.Markup}), never ANSI bytes or HTML.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = GameOutput.Text.class, name = "text"),
    @JsonSubTypes.Type(value = GameOutput.Prompt.class, name = "prompt"),
    @JsonSubTypes.Type(value = GameOutput.Oob.class, name = "oob"),
    @JsonSubTypes.Type(value = GameOutput.Attach.class, name = "attach"),
    @JsonSubTypes.Type(value = GameOutput.AskSecret.class, name = "ask-secret"),
    @JsonSubTypes.Type(value = GameOutput.Disconnect.class, name = "disconnect"),
    @JsonSubTypes.Type(value = GameOutput.Preferences.class, name = "preferences"),
    @JsonSubTypes.Type(value = GameOutput.Resumed.class, name = "resumed"),
    @JsonSubTypes.Type(value = GameOutput.ResumeRefused.class, name = "resume-refused"),
    @JsonSubTypes.Type(value = GameOutput.Moved.class, name = "moved"),
})
public sealed interface GameOutput {

    /** The version of the output format this code writes. */
    int VERSION = 1;

    String session();

    long seq();

    @JsonProperty("v")
    default int version() {
        return VERSION;
    }

    /** Text to show, in markup; a line break is {@code \n}. */
    record Text(String session, long seq, String markup) implements GameOutput {}

    /**
     * A prompt: text that waits for input on the same line and is marked as a prompt where the
     * protocol can.
     *
     * @param answers the session's input sequence number this prompt follows: every input up to it is done
     */
    record Prompt(String session, long seq, String markup, long answers) implements GameOutput {}

    /** Out-of-band data for the client, GMCP-style: a package name and a JSON document. */
    record Oob(String session, long seq, String pkg, String json) implements GameOutput {}

    /**
     * The session now controls this object ({@code null}: none): the gateway keys the session's
     * further input by it.
     */
    record Attach(String session, long seq, String object) implements GameOutput {}

    /**
     * The world wants a secret: the gateway hides the next line, hashes it with this salt and these
     * parameters, and answers with {@link PlayerInput.SecretLine}.
     *
     * @param prompt what to ask, in markup
     * @param salt   base64 salt of the account (a fresh one for a new account)
     * @param nonce  for a login, this login's nonce: the answer is a {@link SecretProof#proof}; null
     *               for a new account: the answer is its {@link SecretProof#verifier}
     */
    record AskSecret(String session, long seq, String prompt, String salt, HashParams params, String nonce)
            implements GameOutput {

        /** A new account's question (no nonce). */
        public AskSecret(String session, long seq, String prompt, String salt, HashParams params) {
            this(session, seq, prompt, salt, params, null);
        }
    }

    /** Say this (markup) and close the session. */
    record Disconnect(String session, long seq, String reason) implements GameOutput {}

    /**
     * The player's own rendering choices, which win over what the client negotiated.
     *
     * @param colours 0, 16, 256 or 16777216; {@code null}: as the client says
     */
    record Preferences(String session, long seq, Integer colours) implements GameOutput {}

    /**
     * The answer to a {@link PlayerInput.Resume} that the world agreed to: the session {@code resumed}
     * is held by this gateway from now on (its output comes here).
     *
     * @param session       the request ID of the resume
     * @param object        the object the session controls, or {@code null}
     * @param nextInputSeq  the number the session's next input takes
     * @param fromGateway   where its output went until now: what the client missed is in that
     *                      gateway's output topic
     * @param detachedAt    when its client lost its connection (epoch ms; 0: not known), where a
     *                      search of that topic can begin
     */
    record Resumed(String session, long seq, String resumed, String object, long nextInputSeq, String fromGateway,
            long detachedAt) implements GameOutput {}

    /** The answer to a {@link PlayerInput.Resume} whose token no session holds. */
    record ResumeRefused(String session, long seq) implements GameOutput {}

    /** The session is held by {@code toGateway} now: forget it here, without closing it in the world. */
    record Moved(String session, long seq, String toGateway) implements GameOutput {}
}
