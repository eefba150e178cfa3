package org.mudbackbone.gateway.session;

import java.util.concurrent.atomic.AtomicLong;
import org.mudbackbone.broker.message.GameOutput;

/**
 * One player's session as the gateway holds it: its ID, the object it controls, its input and
 * output sequence numbers, its latest output, and the connection it is shown on, which it can lose
 * and get again. Protocol details live in its {@link SessionConnection}; its secrets and
 * the lines typed ahead of them in its {@link LoginGate}.
 */
public final class Session {

    private final String id;
    private final String protocol;
    private final String address;
    /**
     * Outputs kept for a client of a protocol that can come back: a few screens of scrollback, at
     * most 32 KiB of text (20,000 such sessions at their fullest hold 640 MiB: the bound is per session).
     */
    static final int HISTORY_OUTPUTS = 200;
    static final long HISTORY_CHARS = 32 * 1024;

    private volatile SessionConnection connection;
    private final OutputHistory history;
    private final boolean resumable;
    /** When the connection was lost (epoch ms), or -1 while a client is connected. */
    private volatile long detachedAt = -1;
    private final AtomicLong nextInputSeq = new AtomicLong();
    private volatile String controlledObject;
    /** An attach not yet in force: input keeps its old key until the world has done all sent under it. */
    private String pendingObject;
    private boolean attachPending;
    private long lastPublishedSeq = -1;
    private volatile long lastOutputSeq = -1;
    /** Live output held while what the client missed is still being fetched (null: not replaying). */
    private java.util.List<GameOutput> heldDuringReplay;

    /** A session whose protocol cannot come back to it (telnet): it keeps no output. */
    public Session(String id, String protocol, String address, SessionConnection connection) {
        this(id, protocol, address, connection, false);
    }

    /** @param resumable whether a client can come back to it, so that its latest output is kept */
    public Session(String id, String protocol, String address, SessionConnection connection, boolean resumable) {
        this.history = resumable ? new OutputHistory(HISTORY_OUTPUTS, HISTORY_CHARS) : new OutputHistory(0, 0);
        this.resumable = resumable;
        this.id = id;
        this.protocol = protocol;
        this.address = address;
        this.connection = connection == null ? Detached.INSTANCE : connection;
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

    /** The connection the session shows its output on now; without one, output is only kept. */
    public SessionConnection connection() {
        return connection;
    }

    /** Whether a client is connected now. */
    public boolean attached() {
        return connection != Detached.INSTANCE;
    }

    /** Whether a client can come back to this session after losing its connection. */
    public boolean resumable() {
        return resumable;
    }

    /**
     * The connection {@code lost} was lost at {@code at}; the session lives on, keeping its output,
     * until a client comes back. False if the session had already moved to another connection.
     */
    synchronized boolean detach(SessionConnection lost, long at) {
        if (connection != lost) {
            return false;
        }
        connection = Detached.INSTANCE;
        detachedAt = at;
        return true;
    }

    /** A client came back on {@code replacement}: output from now on goes to it. Returns the connection before. */
    synchronized SessionConnection reattach(SessionConnection replacement) {
        SessionConnection before = connection;
        connection = replacement;
        detachedAt = -1;
        return before;
    }

    /** When the connection was lost (epoch ms), or -1 while a client is connected. */
    long detachedAt() {
        return detachedAt;
    }

    /** Keeps an output shown to this session for a client that comes back; only a resumable session keeps any. */
    void keep(GameOutput output) {
        if (resumable) {
            history.add(output);
        }
    }

    OutputHistory history() {
        return history;
    }

    /** Whether the world has given this session an object to control: it is logged in. */
    public boolean loggedIn() {
        return controlledObject != null;
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

    /**
     * Takes up where the session stood at another gateway (a resume handed over by the world): the
     * object it controls, the number of its next input, the last output its client saw. Until
     * {@link #endReplay}, live output is held, so that what the client missed is shown first.
     */
    synchronized void handedOver(String object, long nextInput, long lastSeen) {
        controlledObject = object;
        nextInputSeq.set(nextInput);
        lastPublishedSeq = nextInput - 1;
        lastOutputSeq = lastSeen;
        heldDuringReplay = new java.util.ArrayList<>();
    }

    /** Holds {@code output} if missed output is still being fetched; false if it can be shown now. */
    synchronized boolean holdDuringReplay(GameOutput output) {
        if (heldDuringReplay == null) {
            return false;
        }
        heldDuringReplay.add(output);
        return true;
    }

    /** The replay is over: the live output held meanwhile, in arrival order. */
    synchronized java.util.List<GameOutput> endReplay() {
        java.util.List<GameOutput> held = heldDuringReplay == null ? java.util.List.of() : heldDuringReplay;
        heldDuringReplay = null;
        return held;
    }

    /** The last output number shown (-1: none). */
    long lastOutputSeq() {
        return lastOutputSeq;
    }

    /** True once for each output sequence number: the gateway shows an output at most once. */
    boolean acceptOutput(long seq) {
        if (seq <= lastOutputSeq) {
            return false;
        }
        lastOutputSeq = seq;
        return true;
    }

    @Override
    public String toString() {
        return "session " + id;
    }
}
