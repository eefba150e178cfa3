package org.mudbackbone.gateway.session;

import java.util.concurrent.atomic.AtomicLong;
import org.mudbackbone.broker.message.GameOutput;

/**
 * One player's connection as the gateway holds it: its ID, the object it controls, its input and
 * output sequence numbers and a secret in flight. Protocol details live in its {@link SessionConnection}.
 */
public final class Session {

    private final String id;
    private final String protocol;
    private final String address;
    private final SessionConnection connection;
    private final AtomicLong nextInputSeq = new AtomicLong();
    private volatile String controlledObject;
    private volatile long lastOutputSeq = -1;
    private volatile GameOutput.AskSecret secretRequest;
    private volatile String heldSecret;

    public Session(String id, String protocol, String address, SessionConnection connection) {
        this.id = id;
        this.protocol = protocol;
        this.address = address;
        this.connection = connection;
    }

    public String id() {
        return id;
    }

    public String protocol() {
        return protocol;
    }

    public String address() {
        return address;
    }

    public SessionConnection connection() {
        return connection;
    }

    /** The key for this session's input: the controlled object, or the session itself before login. */
    public String inputKey() {
        String object = controlledObject;
        return object != null ? object : id;
    }

    long takeInputSeq() {
        return nextInputSeq.getAndIncrement();
    }

    void attach(String object) {
        controlledObject = object;
    }

    /** True once for each output sequence number: the gateway shows an output at most once. */
    boolean acceptOutput(long seq) {
        if (seq <= lastOutputSeq) {
            return false;
        }
        lastOutputSeq = seq;
        return true;
    }

    /** A secret typed on the command line, kept here until the world asks for it. */
    void holdSecret(String secret) {
        heldSecret = secret;
    }

    String takeHeldSecret() {
        String secret = heldSecret;
        heldSecret = null;
        return secret;
    }

    void awaitSecret(GameOutput.AskSecret request) {
        secretRequest = request;
    }

    GameOutput.AskSecret takeSecretRequest() {
        GameOutput.AskSecret request = secretRequest;
        secretRequest = null;
        return request;
    }

    @Override
    public String toString() {
        return "session " + id;
    }
}
