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
    /** An attach not yet in force: input keeps its old key until the world has done all sent under it. */
    private String pendingObject;
    private boolean attachPending;
    private long lastPublishedSeq = -1;
    private volatile long lastOutputSeq = -1;
    private volatile GameOutput.AskSecret secretRequest;
    private volatile String heldSecret;
    private boolean secretInFlight;
    private long heldSecretSeq = Long.MAX_VALUE;
    private boolean draining;
    private boolean overflowed;
    /** Lines typed after a line whose secret is held, waiting for that secret to be answered. */
    private final java.util.List<String> afterSecret = new java.util.ArrayList<>();

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

    synchronized void published(long seq) {
        lastPublishedSeq = Math.max(lastPublishedSeq, seq);
    }

    /**
     * The world says this session now controls {@code object}. The input key changes only once the
     * world has done every input already sent under the old key (see {@link #inputsDoneUpTo}):
     * input under the new key goes to another partition, and must not overtake input still waiting
     * in the old one.
     */
    synchronized void attach(String object) {
        pendingObject = object;
        attachPending = true;
    }

    /** A prompt says the world has done every input up to {@code seq}. */
    synchronized void inputsDoneUpTo(long seq) {
        if (attachPending && seq >= lastPublishedSeq) {
            controlledObject = pendingObject;
            attachPending = false;
        }
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
    synchronized void holdSecret(String secret) {
        heldSecret = secret;
    }

    /** Which input carried the held secret (the line it was taken off). */
    synchronized void heldSecretCameWith(long seq) {
        heldSecretSeq = seq;
    }

    /** Takes the held secret to answer the world with; lines keep waiting until {@link #secretAnswered()}. */
    synchronized String takeHeldSecret() {
        String secret = heldSecret;
        heldSecret = null;
        secretInFlight = secret != null;
        return secret;
    }

    /** A secret is being hashed: lines typed now wait, so that none overtakes it. */
    synchronized void secretInFlight() {
        secretInFlight = true;
    }

    synchronized void secretAnswered() {
        secretInFlight = false;
    }

    /**
     * Forgets the held secret if the world has done the line that carried it without asking for it
     * (a wrong name, say): a prompt that answers that line or a later one says so. True if it did.
     */
    synchronized boolean dropHeldSecretAnsweredBy(long answers) {
        if (heldSecret == null || answers < heldSecretSeq) {
            return false;
        }
        heldSecret = null;
        return true;
    }

    /** Whether a secret is held or being answered: lines typed now must wait behind it. */
    synchronized boolean holdsSecret() {
        return heldSecret != null || secretInFlight;
    }

    /**
     * Keeps a typed line if it must wait behind a secret (or behind lines already waiting). Returns
     * false if it need not wait; a line beyond the limit is dropped and {@link #overflowed} says so.
     */
    synchronized boolean waitIfBehindSecret(String line) {
        if (!holdsSecret() && !draining) {
            return false;
        }
        if (afterSecret.size() < 50) {
            afterSecret.add(line);
        } else {
            overflowed = true;
        }
        return true;
    }

    synchronized boolean takeOverflowed() {
        boolean was = overflowed;
        overflowed = false;
        return was;
    }

    /** Starts sending the waiting lines: new lines keep queuing until the queue is empty. */
    synchronized void startDraining() {
        draining = true;
    }

    /** The next waiting line, or null when none is left or a new secret is held (then they wait for it). */
    synchronized String nextWaiting() {
        if (afterSecret.isEmpty() || holdsSecret()) {
            draining = false;
            return null;
        }
        return afterSecret.remove(0);
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
