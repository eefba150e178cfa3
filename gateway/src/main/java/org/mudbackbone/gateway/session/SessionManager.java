package org.mudbackbone.gateway.session;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.mudbackbone.broker.markup.Markup;
import org.mudbackbone.broker.message.ClientFacts;
import org.mudbackbone.broker.message.SecretProof;
import org.mudbackbone.broker.message.GameOutput;
import org.mudbackbone.broker.message.PlayerInput;
import org.mudbackbone.gateway.limit.InputBudget;
import org.mudbackbone.gateway.limit.LimitsConfig;
import org.mudbackbone.gateway.limit.Refusals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The gateway's sessions, whatever their protocol: turns what a client does into input for the
 * world, and the world's output into calls on the session's connection. Protocol servers call
 * {@link #open}, {@link #line} and {@link #close}; the output dispatcher calls {@link #deliver}.
 * Nothing here blocks: input is queued for the {@link InputPublisher}'s own thread.
 */
public final class SessionManager {

    private static final Logger LOG = LoggerFactory.getLogger(SessionManager.class);

    /** A session and the gate its typed lines pass through. */
    /**
     * A session and what the gateway keeps beside it: its login gate, its lines in flight, its input
     * allowance, when it opened (for the login deadline), and an option update held back by the allowance.
     */
    private record Live(Session session, LoginGate gate, LinesInFlight lines, InputBudget budget, long openedAt,
            java.util.concurrent.atomic.AtomicReference<ClientFacts> heldFacts) {}

    private final String gatewayId;
    private final InputPublisher publisher;
    private final SecretHasher hasher;
    private final LongSupplier clock;
    private final Map<String, Live> sessions = new ConcurrentHashMap<>();
    private final WorldPresence presence;
    private final Timer roundTrips;
    private final ResumeTokens tokens = new ResumeTokens();
    private final MissedOutput missedOutput;
    private final LimitsConfig limits;
    private final Refusals refusals;
    /** Resumes this gateway asked the world about, by request ID. */
    private final Map<String, PendingResume> pendingResumes = new ConcurrentHashMap<>();
    /** Searches for missed output that have finished, for the output thread to show. */
    private final java.util.Queue<FoundMissed> foundMissed = new java.util.concurrent.ConcurrentLinkedQueue<>();

    /** A client waiting for the world to hand its session over to this gateway. */
    private record PendingResume(SessionConnection connection, long lastSeen, String nextToken, String protocol,
            String address, ResumeListener listener) {}

    /** What a session's client missed, found in another gateway's output ({@code null}: the search failed). */
    private record FoundMissed(Session session, List<GameOutput> outputs) {}

    /** @param resumeWindowMs how long a session whose client lost its connection waits for it to come back */
    /**
     * @param resumeWindowMs how long a session whose client lost its connection waits for it to come back
     * @param missedOutput   where a session handed over from another gateway finds what its client missed
     */
    public SessionManager(String gatewayId, InputPublisher publisher, SecretHasher hasher, MeterRegistry meters,
            long resumeWindowMs, MissedOutput missedOutput, LimitsConfig limits, Refusals refusals) {
        this(gatewayId, publisher, hasher, System::currentTimeMillis, meters, missedOutput, resumeWindowMs, limits, refusals);
    }

    SessionManager(String gatewayId, InputPublisher publisher, SecretHasher hasher, LongSupplier clock) {
        this(gatewayId, publisher, hasher, clock, new SimpleMeterRegistry(), (g, s, l, since) -> List.of(),
                RESUME_WINDOW_MS, LimitsConfig.DEFAULT, new Refusals(new SimpleMeterRegistry()));
    }

    SessionManager(String gatewayId, InputPublisher publisher, SecretHasher hasher, LongSupplier clock,
            MeterRegistry meters, MissedOutput missedOutput, long resumeWindowMs, LimitsConfig limits, Refusals refusals) {
        this.limits = limits;
        this.refusals = refusals;
        this.missedOutput = missedOutput;
        this.resumeWindowMs = resumeWindowMs;
        this.roundTrips = Timer.builder("mud.gateway.round.trip")
                .description("from a typed line read by the gateway to the world's prompt answering it")
                .publishPercentiles(0.5, 0.99, 0.999).register(meters);
        this.gatewayId = gatewayId;
        this.publisher = publisher;
        this.hasher = hasher;
        this.clock = clock;
        this.presence = new WorldPresence(this::announce, clock.getAsLong());
    }

    /** A new session of a protocol that cannot come back to it (telnet): it keeps no output. */
    public Session open(String protocol, String address, SessionConnection connection) {
        return open(protocol, address, connection, false);
    }

    /** @param resumable whether its client can come back ({@link #resume}), so that its latest output is kept */
    public Session open(String protocol, String address, SessionConnection connection, boolean resumable) {
        Session session = new Session(SessionIds.next(), protocol, address, connection, resumable);
        register(session);
        LOG.info("session {} opened: {} from {}", session.id(), protocol, address);
        long at = clock.getAsLong();
        publisher.publishAlways(session, seq -> new PlayerInput.Opened(session.id(), gatewayId, seq, at, protocol, address));
        if (presence.away()) {
            connection.text(WorldPresence.AWAY);
        }
        return session;
    }

    private void register(Session session) {
        sessions.put(session.id(), new Live(session, new LoginGate(session.id(), new GateEffects(session)), new LinesInFlight(),
                new InputBudget(limits, System.nanoTime()), clock.getAsLong(), new java.util.concurrent.atomic.AtomicReference<>()));
    }

    /** One line the player typed, raw, read from the connection just now. */
    public void line(Session session, String raw) {
        line(session, raw, clock.getAsLong());
    }

    /**
     * One line the player typed, raw, read from the connection at {@code at} (epoch ms): the world
     * judges the line's age by this, however long it waited at the gateway.
     */
    public void line(Session session, String raw, long at) {
        Live live = sessions.get(session.id());
        if (live != null && allowed(live, live.budget().line(System.nanoTime()), "lines",
                "{red}You are typing faster than " + (int) limits.linesPerSecond()
                        + " lines a second; lines are being dropped. Slow down, or you will be disconnected.{/}")) {
            live.gate().typed(raw, at);
        }
    }

    /**
     * Acts on an input allowance's verdict: true if the input may go on; otherwise the refusal is
     * counted, the player warned the first time in a row, and a flood disconnected.
     */
    private boolean allowed(Live live, InputBudget.Verdict verdict, String limit, String warning) {
        switch (verdict) {
            case PASS -> {
                return true;
            }
            case WARN -> live.session().connection().text(warning);
            case DISCONNECT -> {
                LOG.warn("session {}: disconnected, {} over the limit in a row", live.session().id(), limit);
                refusals.count(limit + "-disconnect");
                live.session().connection().close("{red}Disconnected: too much input too fast.{/}");
            }
            default -> { }
        }
        refusals.count(limit);
        return false;
    }

    /**
     * What the client told its gateway about itself, new or changed. Updates faster than the
     * out-of-band allowance (a window dragged by its corner sends NAWS after NAWS) are coalesced:
     * the latest waits, and goes when the allowance has room again ({@link #tick}).
     */
    public void clientInfo(Session session, ClientFacts facts) {
        Live live = sessions.get(session.id());
        if (live != null && !live.budget().clientInfo(System.nanoTime())) {
            live.heldFacts().set(facts);
            return;
        }
        publishClientInfo(session, facts);
    }

    private void publishClientInfo(Session session, ClientFacts facts) {
        long at = clock.getAsLong();
        publisher.publish(session, seq -> new PlayerInput.ClientInfo(session.id(), gatewayId, seq, at, facts));
    }

    /** Out-of-band data from the client for the world (its JSON already checked). */
    public void oob(Session session, String pkg, String json) {
        Live live = sessions.get(session.id());
        if (live == null || !allowed(live, live.budget().oob(System.nanoTime()), "oob",
                "{red}Your client sends out-of-band messages too fast; some were dropped.{/}")) {
            return;
        }
        long at = clock.getAsLong();
        publisher.publish(session, seq -> new PlayerInput.Oob(session.id(), gatewayId, seq, at, pkg, json));
    }

    public void close(Session session, String reason) {
        if (sessions.remove(session.id()) == null) {
            return;
        }
        tokens.forget(session.id());
        LOG.info("session {} closed: {}", session.id(), reason);
        long at = clock.getAsLong();
        publisher.publishAlways(session, seq -> new PlayerInput.Closed(session.id(), gatewayId, seq, at, reason));
    }

    /** Output from the world for one of this gateway's sessions; duplicates and strangers are dropped. */
    public void deliver(GameOutput output) {
        if (output instanceof GameOutput.Resumed resumed) {
            handedOver(resumed);
            return;
        }
        if (output instanceof GameOutput.ResumeRefused refused) {
            PendingResume pending = pendingResumes.remove(refused.session());
            if (pending != null) {
                LOG.info("resume request {} refused by the world", refused.session());
                pending.listener().refused();
            }
            return;
        }
        Live live = sessions.get(output.session());
        if (live == null || live.session().holdDuringReplay(output) || !live.session().acceptOutput(output.seq())) {
            return;
        }
        if (output instanceof GameOutput.Moved moved) {
            movedAway(live.session(), moved.toGateway());
            return;
        }
        Session session = live.session();
        SessionConnection connection = session.connection();
        if (output instanceof GameOutput.Prompt prompt) {
            session.inputsDoneUpTo(prompt.answers());
            live.gate().prompted(prompt.answers());
            long readAt = live.lines().answered(prompt.answers());
            if (readAt >= 0) {
                roundTrips.record(Math.max(0, clock.getAsLong() - readAt), TimeUnit.MILLISECONDS);
            }
        }
        if (output instanceof GameOutput.Text || output instanceof GameOutput.Prompt || output instanceof GameOutput.Oob) {
            synchronized (session) { // against a client coming back at this moment: kept, then shown once
                session.keep(output);
                session.connection().show(output);
            }
        } else if (output instanceof GameOutput.Attach attach) {
            session.attach(attach.object());
            LOG.info("session {} attached to {}", session.id(), attach.object());
        } else if (output instanceof GameOutput.AskSecret ask) {
            live.gate().asked(ask);
        } else if (output instanceof GameOutput.Preferences preferences) {
            connection.colours(preferences.colours());
        } else if (output instanceof GameOutput.Disconnect disconnect) {
            connection.close(disconnect.reason());
            close(session, "disconnected by the world");
        }
    }

    /** How long a session whose client lost its connection waits for it to come back. */
    public static final long RESUME_WINDOW_MS = 10 * 60_000;

    private final long resumeWindowMs;

    /**
     * The live session whose client holds {@code token}, without spending the token: for protocols
     * that present it with every request (HTTP's bearer token).
     */
    public Optional<Session> holding(String token) {
        return tokens.holder(token).map(sessions::get).map(Live::session);
    }

    /** A session by ID, if this gateway holds it. */
    public Optional<Session> find(String sessionId) {
        return Optional.ofNullable(sessions.get(sessionId)).map(Live::session);
    }

    /** Outputs a session kept, and whether some after the number asked for were no longer kept. */
    public record Kept(List<GameOutput> outputs, boolean gap) {}

    /** The session's kept outputs numbered after {@code after}, in order (a reader that polls). */
    public Kept keptAfter(Session session, long after) {
        OutputHistory.Replay replay = session.history().after(after);
        return new Kept(replay.outputs(), replay.gap());
    }

    /** A session taken up again: the session, and the token for the next time (the one used is spent). */
    public record Resumed(Session session, String nextToken) {}

    /**
     * The token with which the client of {@code session} can come back to it, once: each call
     * issues a new one and retires the one before. Never log it.
     */
    public String resumeToken(Session session) {
        String token = tokens.issue(session.id());
        announceToken(session, token);
        return token;
    }

    /** Tells the world the hash of the session's current token, so that any gateway can take it up. */
    private void announceToken(Session session, String token) {
        long at = clock.getAsLong();
        String hash = ResumeTokens.hash(token);
        publisher.publishAlways(session, seq -> new PlayerInput.ResumeToken(session.id(), gatewayId, seq, at, hash));
    }

    /**
     * The client of {@code session} lost its connection {@code lost} (if the session has moved to
     * another connection since, nothing happens). A session of a protocol that can resume lives on, for the resume window
     * ({@link #RESUME_WINDOW_MS} by default): the world is not told, and its output is kept for the client's
     * return. Any other session is closed.
     */
    public void detach(Session session, SessionConnection lost) {
        if (!session.resumable()) {
            close(session, "connection lost");
        } else if (sessions.containsKey(session.id()) && session.detach(lost, clock.getAsLong())) {
            long at = clock.getAsLong();
            publisher.publishAlways(session, seq -> new PlayerInput.Detached(session.id(), gatewayId, seq, at));
            LOG.info("session {} lost its connection; its output is kept for {} s", session.id(), resumeWindowMs / 1000);
        }
    }

    /**
     * A client comes back on {@code connection} with the token it was given, having seen every output
     * up to {@code lastSeen}. A session of this gateway is taken up at once; any other token goes to
     * the world, which hands the session over from whichever gateway held it (alive or not) or
     * refuses. Either way {@code listener} hears the outcome, before any output is shown.
     */
    public void resume(String token, SessionConnection connection, long lastSeen, String protocol, String address,
            ResumeListener listener) {
        Optional<Resumed> here = resume(token);
        if (here.isPresent()) {
            Session session = here.get().session();
            listener.resumed(session, here.get().nextToken());
            reattach(session, connection, lastSeen);
            announceToken(session, here.get().nextToken());
            return;
        }
        if (!ResumeTokens.plausible(token)) {
            listener.refused();
            return;
        }
        String request = SessionIds.next();
        String next = ResumeTokens.newToken();
        pendingResumes.put(request, new PendingResume(connection, lastSeen, next, protocol, address, listener));
        Session asking = new Session(request, protocol, address, null);
        long at = clock.getAsLong();
        String tokenHash = ResumeTokens.hash(token);
        String nextHash = ResumeTokens.hash(next);
        publisher.publishAlways(asking, seq -> new PlayerInput.Resume(request, gatewayId, seq, at, tokenHash, nextHash,
                protocol, address));
        LOG.info("resume request {} from {}: not a session of this gateway, the world is asked", request, address);
    }

    /** The world handed a session over to this gateway: the waiting client gets it, then what it missed. */
    private void handedOver(GameOutput.Resumed resumed) {
        PendingResume pending = pendingResumes.remove(resumed.session());
        if (pending == null) {
            return; // answered before: the first answer counted
        }
        Session session = new Session(resumed.resumed(), pending.protocol(), pending.address(), pending.connection(), true);
        session.handedOver(resumed.object(), resumed.nextInputSeq(), pending.lastSeen());
        register(session);
        tokens.adopt(session.id(), pending.nextToken());
        LOG.info("session {} handed over from gateway {} (resume request {}); searching its missed output",
                session.id(), resumed.fromGateway(), resumed.session());
        pending.listener().resumed(session, pending.nextToken());
        long since = resumed.detachedAt() > 0 ? resumed.detachedAt() - MISSED_SEARCH_MARGIN_MS
                : clock.getAsLong() - resumeWindowMs - MISSED_SEARCH_MARGIN_MS;
        Thread search = new Thread(() -> {
            List<GameOutput> found = null;
            try {
                found = missedOutput.after(resumed.fromGateway(), session.id(), pending.lastSeen(), since);
            } catch (RuntimeException e) {
                LOG.warn("session {}: the search for its missed output failed: {}", session.id(), e.toString());
            }
            foundMissed.add(new FoundMissed(session, found));
        }, "missed-output-" + session.id());
        search.setDaemon(true);
        search.start();
    }

    /**
     * How far before the moment a client lost its connection the search for its missed output
     * begins: output shown to a connection that was already dead (a sleeping laptop is noticed
     * only after pings go unanswered), and the clocks of the world and of the gateways differing.
     */
    static final long MISSED_SEARCH_MARGIN_MS = 120_000;

    /** Shows what handed-over sessions missed, then the live output held meanwhile. On the output thread. */
    private void showFoundMissed() {
        for (FoundMissed found; (found = foundMissed.poll()) != null;) {
            Session session = found.session();
            List<GameOutput> held = session.endReplay();
            List<GameOutput> missed = found.outputs() == null ? List.of()
                    : found.outputs().stream().filter(SessionManager::worthReplaying).toList();
            long lastSeen = session.lastOutputSeq();
            boolean gap = found.outputs() == null || (!missed.isEmpty() && missed.get(0).seq() > lastSeen + 1
                    && (missed.get(0).seq() >>> 32) == (lastSeen >>> 32));
            if (gap) {
                session.connection().text(MISSED);
            }
            missed.forEach(this::deliver);
            held.forEach(this::deliver);
            LOG.info("session {} resumed after output {}: {} missed output(s) shown{}", session.id(), lastSeen,
                    missed.size(), gap ? ", some no longer found" : "");
        }
    }

    /**
     * What a client shown its missed output should see again: what it was shown, and a question for
     * a secret still open. Not the world's notes to the old gateway (an attach already in force, the
     * move that brought the session here).
     */
    private static boolean worthReplaying(GameOutput output) {
        return output instanceof GameOutput.Text || output instanceof GameOutput.Prompt
                || output instanceof GameOutput.Oob || output instanceof GameOutput.AskSecret
                || output instanceof GameOutput.Preferences;
    }

    /** The world moved this session to another gateway: forget it here, without closing it in the world. */
    private void movedAway(Session session, String toGateway) {
        sessions.remove(session.id());
        tokens.forget(session.id());
        LOG.info("session {} moved to gateway {}", session.id(), toGateway);
        if (session.attached()) {
            session.connection().close("{yellow}This session was taken up on another connection.{/}");
        }
    }

    /**
     * A client comes back with the token it was given: its session, and the token for next time.
     * Empty for an unknown, spent or expired token: the client logs in afresh. Nothing is shown
     * yet; {@link #reattach} moves the session to the client's new connection.
     */
    public Optional<Resumed> resume(String token) {
        Optional<ResumeTokens.Redeemed> redeemed = tokens.redeem(token);
        if (redeemed.isEmpty()) {
            return Optional.empty();
        }
        Live live = sessions.get(redeemed.get().sessionId());
        if (live == null) {
            tokens.forget(redeemed.get().sessionId());
            return Optional.empty();
        }
        return Optional.of(new Resumed(live.session(), redeemed.get().next()));
    }

    /**
     * The session's output goes to {@code connection} from now on, starting with what followed
     * {@code lastSeen} (the last output the client saw), in order, and a notice first if some of that
     * is no longer kept. A connection the session had before is closed with a notice: a player is
     * shown one screen per session.
     */
    public void reattach(Session session, SessionConnection connection, long lastSeen) {
        OutputHistory.Replay replay;
        SessionConnection before;
        synchronized (session) {
            replay = session.history().after(lastSeen);
            before = session.reattach(connection);
            if (replay.gap()) {
                connection.text(MISSED);
            }
            replay.outputs().forEach(connection::show);
        }
        if (before != Detached.INSTANCE && before != connection) {
            before.close("{yellow}This session was taken up on another connection.{/}");
        }
        LOG.info("session {} resumed after output {}: {} output(s) shown again{}", session.id(), lastSeen,
                replay.outputs().size(), replay.gap() ? ", some older ones no longer kept" : "");
    }

    /** Shown to a returning client when output it never saw was no longer kept. */
    static final String MISSED = "{yellow}Some of what happened while you were away is no longer kept here.{/}";

    /**
     * How long a secret typed ahead may wait for the world to ask: longer than the world keeps a line
     * (60 s by default) plus an outage, so only a login line the world dropped unanswered runs into it.
     */
    static final long SECRET_HOLD_MS = 180_000;

    /**
     * Call now and then (the output thread does): frees logins the world will never answer, and
     * closes the sessions whose client did not come back within the resume window.
     */
    public void tick(long now) {
        showFoundMissed();
        long loginMs = limits.loginSeconds() * 1000L;
        for (Live live : sessions.values()) {
            live.gate().expire(now, SECRET_HOLD_MS);
            ClientFacts held = live.heldFacts().get();
            if (held != null && live.budget().clientInfo(System.nanoTime()) && live.heldFacts().compareAndSet(held, null)) {
                publishClientInfo(live.session(), held);
            }
            if (!live.session().loggedIn() && now - live.openedAt() > loginMs && live.session().attached()) {
                refusals.count("login-time");
                LOG.info("session {}: not logged in within {} s, closing", live.session().id(), limits.loginSeconds());
                live.session().connection().close("{red}You did not log in within " + limits.loginSeconds()
                        + " seconds. Goodbye.{/}");
            }
            long lost = live.session().detachedAt();
            if (lost >= 0 && now - lost > resumeWindowMs) {
                close(live.session(), "did not come back within " + resumeWindowMs / 1000 + " s");
            }
        }
    }

    /**
     * The gateway is shutting down: a session that can be resumed is left for its client to take up
     * at another gateway (the world hears that its client is gone); any other session is closed.
     */
    public void shutdown() {
        for (Live live : sessions.values()) {
            Session session = live.session();
            if (session.resumable()) {
                SessionConnection connection = session.connection();
                detach(session, connection);
                connection.drop("{yellow}This gateway is going away; reconnecting...{/}");
            } else {
                close(session, "gateway shutting down");
            }
        }
    }

    /** The world's heartbeats and signals, which say whether it is there. */
    public WorldPresence presence() {
        return presence;
    }

    /** Tells every player the same thing (markup): the gateway's own notices. */
    void announce(String markup) {
        sessions.values().forEach(s -> s.session().connection().text(markup));
    }

    public Collection<Session> sessions() {
        return sessions.values().stream().map(Live::session).toList();
    }

    public int count() {
        return sessions.size();
    }

    /** What one session's login gate does: publish, hash and talk to the player. */
    private final class GateEffects implements LoginGate.Effects {

        private final Session session;

        GateEffects(Session session) {
            this.session = session;
        }

        @Override
        public long publishLine(String text, long at) {
            long seq = publisher.publish(session, s -> new PlayerInput.Line(session.id(), gatewayId, s, at, text));
            Live live = sessions.get(session.id());
            if (seq >= 0 && live != null) {
                live.lines().sent(seq, at);
            }
            if (seq < 0) {
                session.connection().text("{red}Not accepted, the game cannot take input right now: \""
                        + Markup.escape(text) + "\"{/}");
            }
            return seq;
        }

        @Override
        public void publishSecret(String hash, long at) {
            publisher.publishAlways(session, s -> new PlayerInput.SecretLine(session.id(), gatewayId, s, at, hash));
        }

        @Override
        public Mono<String> hash(String secret, GameOutput.AskSecret ask) {
            // the world is sent a new account's verifier or this login's proof, never the hash itself
            return hasher.hash(secret, ask.salt(), ask.params(), session.address())
                    .map(hash -> ask.nonce() == null ? SecretProof.verifier(hash) : SecretProof.proof(hash, ask.nonce()));
        }

        @Override
        public void askForSecret(String prompt) {
            session.connection().prompt(prompt);
            session.connection().hideInput(true);
        }

        @Override
        public void showInput() {
            session.connection().hideInput(false);
        }

        @Override
        public void tell(String markup) {
            session.connection().text(markup);
        }
    }
}
