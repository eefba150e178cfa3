package org.mudbackbone.broker.message;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * What a gateway tells the world about one session: published to {@code mud.input}, keyed by the ID
 * of the object the session controls (the session's own ID before login).
 *
 * <p>Every input names its session, the gateway holding it, a per-session sequence number (so the
 * world can recognise a line it has already done) and the time the gateway accepted it (so input
 * kept while the world was away can be judged too old).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = PlayerInput.Opened.class, name = "opened"),
    @JsonSubTypes.Type(value = PlayerInput.Closed.class, name = "closed"),
    @JsonSubTypes.Type(value = PlayerInput.Line.class, name = "line"),
    @JsonSubTypes.Type(value = PlayerInput.SecretLine.class, name = "secret"),
    @JsonSubTypes.Type(value = PlayerInput.ClientInfo.class, name = "client-info"),
    @JsonSubTypes.Type(value = PlayerInput.Oob.class, name = "oob"),
    @JsonSubTypes.Type(value = PlayerInput.ResumeToken.class, name = "resume-token"),
    @JsonSubTypes.Type(value = PlayerInput.Detached.class, name = "detached"),
    @JsonSubTypes.Type(value = PlayerInput.Resume.class, name = "resume"),
    @JsonSubTypes.Type(value = PlayerInput.GatewayAlive.class, name = "gateway-alive"),
})
public sealed interface PlayerInput {

    /** The version of the input format this code writes; readers accept any and ignore what they do not know. */
    int VERSION = 1;

    String session();

    String gateway();

    long seq();

    /** Epoch milliseconds at which the gateway accepted this input. */
    long at();

    @JsonProperty("v")
    default int version() {
        return VERSION;
    }

    /** A session connected: which protocol, and the player's real address. */
    record Opened(String session, String gateway, long seq, long at, String protocol, String address)
            implements PlayerInput {}

    /** A session ended: the client left, was disconnected, or its gateway shut down. */
    record Closed(String session, String gateway, long seq, long at, String reason) implements PlayerInput {}

    /** One line the player typed: plain text, never markup. */
    record Line(String session, String gateway, long seq, long at, String text) implements PlayerInput {}

    /**
     * The answer to a {@link GameOutput.AskSecret}: from the player's secret hashed by the gateway with
     * the salt and parameters the world sent, the new account's verifier or this login's proof
     * ({@link SecretProof}). Neither the secret nor its hash leaves the gateway.
     */
    record SecretLine(String session, String gateway, long seq, long at, String hash) implements PlayerInput {}

    /** What the gateway learnt about the client; sent again whenever a fact changes. */
    record ClientInfo(String session, String gateway, long seq, long at, ClientFacts facts) implements PlayerInput {}

    /** Out-of-band data from the client (GMCP-style): a package name and a JSON document, already checked to parse. */
    record Oob(String session, String gateway, long seq, long at, String pkg, String json) implements PlayerInput {}

    /**
     * The session's client holds a new resume token (issued, or rotated by a resume at this gateway)
     * and is connected. Only the token's SHA-256 travels: the token itself never leaves the gateway
     * and the client.
     */
    record ResumeToken(String session, String gateway, long seq, long at, String tokenHash) implements PlayerInput {}

    /** The session's client lost its connection at {@code at}; the session waits for it to come back. */
    record Detached(String session, String gateway, long seq, long at) implements PlayerInput {}

    /**
     * A client came to this gateway with a resume token its session's gateway may not know: the
     * world finds the session whose token has this hash and hands it over here, or refuses.
     *
     * @param session       a request ID (a fresh session ID) that the world's answer is addressed to
     * @param tokenHash     SHA-256 of the token the client presented
     * @param nextTokenHash SHA-256 of the token the client is given if the world agrees
     */
    record Resume(String session, String gateway, long seq, long at, String tokenHash, String nextTokenHash,
            String protocol, String address) implements PlayerInput {}

    /**
     * A gateway is alive, sent every {@code intervalMs} under the session {@code gateway:<id>}. A new
     * {@code incarnation} under a known ID is the gateway restarted: the sessions it held before are
     * gone. A gateway silent for long is taken for dead.
     */
    record GatewayAlive(String session, String gateway, long seq, long at, String incarnation, long intervalMs)
            implements PlayerInput {

        public static String sessionFor(String gatewayId) {
            return "gateway:" + gatewayId;
        }
    }
}
