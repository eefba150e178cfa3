package org.mudbackbone.gateway.telnet;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.mudbackbone.gateway.proxy.RealAddress;
import org.mudbackbone.gateway.session.Session;
import org.mudbackbone.gateway.session.SessionManager;
import reactor.netty.Connection;

/**
 * One telnet connection's life: the negotiation phase first (until every question is answered or
 * the phase times out), then a session of the {@link SessionManager}. Lines typed during the phase
 * wait and are sent in order once the session opens. Runs on the connection's event loop.
 */
final class TelnetSession implements TelnetNegotiator.Listener {

    private final Connection connection;
    private final SessionManager sessions;
    private final TelnetNegotiator negotiator;
    private final ClientProfile profile;
    private static final int MAX_EARLY_LINES = 50;

    /** A line read during negotiation, and when: the world judges its age from the moment it was read. */
    private record Early(String line, long at) {}

    private final List<Early> early = new ArrayList<>();
    private Session session;
    private boolean closed;

    TelnetSession(Connection connection, SessionManager sessions, TelnetNegotiator negotiator, ClientProfile profile) {
        this.connection = connection;
        this.sessions = sessions;
        this.negotiator = negotiator;
        this.profile = profile;
    }

    void start(Duration negotiationTimeout) {
        negotiator.listen(this);
        negotiator.offer();
        connection.channel().eventLoop().schedule(negotiator::giveUpWaiting,
                negotiationTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void negotiated() {
        if (session != null || closed) {
            return;
        }
        profile.address = RealAddress.of(connection.channel()); // a PROXY header has been read by now
        session = sessions.open("telnet", profile.address(),
                new TelnetConnection(connection.channel(), negotiator, profile));
        sessions.clientInfo(session, profile.facts());
        early.forEach(e -> sessions.line(session, e.line(), e.at()));
        early.clear();
    }

    @Override
    public void factsChanged() {
        if (session != null) {
            sessions.clientInfo(session, profile.facts());
        }
    }

    @Override
    public void gmcp(String pkg, String json) {
        if (session != null) {
            sessions.oob(session, pkg, json);
        }
    }

    void line(String line) {
        if (session == null) {
            if (early.size() < MAX_EARLY_LINES) {
                early.add(new Early(line, System.currentTimeMillis())); // beyond the limit a flood before the session opens is dropped
            }
        } else {
            sessions.line(session, line);
        }
    }

    void closed() {
        closed = true;
        if (session != null) {
            sessions.close(session, "connection closed");
        }
    }

    String id() {
        return session == null ? "(negotiating)" : session.id();
    }
}
