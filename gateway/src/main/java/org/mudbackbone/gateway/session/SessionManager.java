package org.mudbackbone.gateway.session;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.mudbackbone.broker.markup.Markup;
import org.mudbackbone.broker.message.ClientFacts;
import org.mudbackbone.broker.message.GameOutput;
import org.mudbackbone.broker.message.PlayerInput;
import org.mudbackbone.broker.message.SecretSyntax;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's sessions, whatever their protocol: turns what a client does into input for the
 * world, and the world's output into calls on the session's connection. Protocol servers call
 * {@link #open}, {@link #line} and {@link #close}; the output dispatcher calls {@link #deliver}.
 */
public final class SessionManager {

    private static final Logger LOG = LoggerFactory.getLogger(SessionManager.class);

    private final String gatewayId;
    private final InputPublisher publisher;
    private final SecretHasher hasher;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final WorldPresence presence = new WorldPresence(this::announce, System.currentTimeMillis());

    public SessionManager(String gatewayId, InputPublisher publisher, SecretHasher hasher) {
        this.gatewayId = gatewayId;
        this.publisher = publisher;
        this.hasher = hasher;
    }

    public Session open(String protocol, String address, SessionConnection connection) {
        Session session = new Session(SessionIds.next(), protocol, address, connection);
        sessions.put(session.id(), session);
        LOG.info("session {} opened: {} from {}", session.id(), protocol, address);
        publisher.publish(session, seq -> new PlayerInput.Opened(session.id(), gatewayId, seq, now(), protocol, address));
        if (presence.away()) {
            connection.text(WorldPresence.AWAY);
        }
        return session;
    }

    /** One line the player typed, raw. */
    public void line(Session session, String raw) {
        // typed ahead of a password the world has not asked for yet: it must not overtake it
        if (session.waitIfBehindSecret(raw)) {
            if (session.takeOverflowed()) {
                session.connection().text("{red}Too much typed ahead while logging in; a line was dropped.{/}");
            }
            return;
        }
        send(session, raw);
    }

    private void send(Session session, String raw) {
        GameOutput.AskSecret request = session.takeSecretRequest();
        if (request != null) {
            session.connection().hideInput(false);
            answerSecret(session, request, raw);
            return;
        }
        String text = InputSanitizer.clean(raw);
        Optional<SecretSyntax.Split> split = SecretSyntax.split(text);
        if (split.isPresent()) {
            session.holdSecret(split.get().secret());
            text = split.get().publicPart();
        }
        String published = text;
        long seq = publisher.publish(session, s -> new PlayerInput.Line(session.id(), gatewayId, s, now(), published));
        if (split.isPresent()) {
            session.heldSecretCameWith(seq);
        }
    }

    /** What the client told its gateway about itself, new or changed. */
    public void clientInfo(Session session, ClientFacts facts) {
        publisher.publish(session, seq -> new PlayerInput.ClientInfo(session.id(), gatewayId, seq, now(), facts));
    }

    /** Out-of-band data from the client for the world (its JSON already checked). */
    public void oob(Session session, String pkg, String json) {
        publisher.publish(session, seq -> new PlayerInput.Oob(session.id(), gatewayId, seq, now(), pkg, json));
    }

    public void close(Session session, String reason) {
        if (sessions.remove(session.id()) == null) {
            return;
        }
        LOG.info("session {} closed: {}", session.id(), reason);
        publisher.publish(session, seq -> new PlayerInput.Closed(session.id(), gatewayId, seq, now(), reason));
    }

    /** Output from the world for one of this gateway's sessions; duplicates and strangers are dropped. */
    public void deliver(GameOutput output) {
        Session session = sessions.get(output.session());
        if (session == null || !session.acceptOutput(output.seq())) {
            return;
        }
        SessionConnection connection = session.connection();
        if (output instanceof GameOutput.Text text) {
            connection.text(text.markup());
        } else if (output instanceof GameOutput.Prompt prompt) {
            session.inputsDoneUpTo(prompt.answers());
            if (session.dropHeldSecretAnsweredBy(prompt.answers())) {
                releaseWaiting(session); // the world did that line without asking for the secret
            }
            connection.prompt(prompt.markup());
        } else if (output instanceof GameOutput.Oob oob) {
            connection.oob(oob.pkg(), oob.json());
        } else if (output instanceof GameOutput.Attach attach) {
            session.attach(attach.object());
            LOG.info("session {} attached to {}", session.id(), attach.object());
        } else if (output instanceof GameOutput.AskSecret ask) {
            askSecret(session, ask);
        } else if (output instanceof GameOutput.Preferences preferences) {
            connection.colours(preferences.colours());
        } else if (output instanceof GameOutput.Disconnect disconnect) {
            connection.close(disconnect.reason());
            close(session, "disconnected by the world");
        }
    }

    /** The world's heartbeats and signals, which say whether it is there. */
    public WorldPresence presence() {
        return presence;
    }

    /** Tells every player the same thing (markup): the gateway's own notices. */
    void announce(String markup) {
        sessions.values().forEach(s -> s.connection().text(markup));
    }

    public Collection<Session> sessions() {
        return sessions.values();
    }

    public int count() {
        return sessions.size();
    }

    private void askSecret(Session session, GameOutput.AskSecret ask) {
        String held = session.takeHeldSecret();
        if (held != null) {
            answerSecret(session, ask, held);
            return;
        }
        session.awaitSecret(ask);
        session.connection().prompt(ask.prompt());
        session.connection().hideInput(true);
    }

    private void answerSecret(Session session, GameOutput.AskSecret ask, String secret) {
        session.secretInFlight();
        hasher.hash(secret, ask.salt(), ask.params()).subscribe(
                hash -> {
                    publisher.publish(session,
                            seq -> new PlayerInput.SecretLine(session.id(), gatewayId, seq, now(), hash));
                    session.secretAnswered();
                    releaseWaiting(session);
                },
                error -> {
                    LOG.warn("session {}: cannot hash secret: {}", session.id(), error.getMessage());
                    session.connection().text("{red}" + Markup.escape("Cannot check that secret here.") + "{/}");
                    session.secretAnswered();
                    releaseWaiting(session);
                });
    }

    /** Sends, in order, the lines that waited behind a secret; stops at one that brings a new secret. */
    private void releaseWaiting(Session session) {
        session.startDraining();
        for (String line; (line = session.nextWaiting()) != null; ) {
            send(session, line);
        }
    }

    private static long now() {
        return System.currentTimeMillis();
    }
}
