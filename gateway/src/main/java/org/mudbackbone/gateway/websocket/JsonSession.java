package org.mudbackbone.gateway.websocket;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.mudbackbone.gateway.session.ResumeListener;
import org.mudbackbone.gateway.session.Session;
import org.mudbackbone.gateway.session.SessionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection in our JSON subprotocol. The client speaks first: {@code hello} opens a new
 * session, {@code resume} (with its token and the last {@code seq} it saw) takes up an old one.
 * Either way the client is sent the session's ID and a fresh token; a token works once. Then
 * {@code line} and {@code oob} messages are input. Runs on the connection's event loop, except the
 * outcome of a resume the world answered, which comes on the output thread.
 */
final class JsonSession implements ResumeListener {

    private static final Logger LOG = LoggerFactory.getLogger(JsonSession.class);

    private final SessionManager sessions;
    private final JsonConnection connection;
    private final String address;
    private final int maxLineBytes;
    private Session session;
    private boolean resuming;
    private boolean closed;

    JsonSession(SessionManager sessions, JsonConnection connection, String address, int maxLineBytes) {
        this.sessions = sessions;
        this.connection = connection;
        this.address = address;
        this.maxLineBytes = maxLineBytes;
    }

    synchronized boolean started() {
        return session != null || resuming;
    }

    synchronized void message(String text) {
        JsonNode message;
        try {
            message = JsonConnection.JSON.readTree(text);
        } catch (IOException e) {
            error("bad-message", "That was not JSON.");
            return;
        }
        if (message == null || !message.isObject()) {
            error("bad-message", "Send a JSON object with a \"type\".");
            return;
        }
        String type = message.path("type").asText("");
        if (session == null) {
            begin(type, message);
            return;
        }
        switch (type) {
            case "line" -> line(message.path("text"));
            case "oob" -> oob(message);
            case "hello", "resume" -> error("bad-message", "This connection already has a session.");
            default -> error("bad-message", "Unknown message type \"" + type + "\".");
        }
    }

    private void begin(String type, JsonNode message) {
        if (resuming) {
            error("bad-message", "Wait for the answer to your resume.");
        } else if ("resume".equals(type)) {
            resuming = true;
            sessions.resume(message.path("token").asText(""), connection, message.path("seq").asLong(-1),
                    "websocket", address, this);
        } else if ("hello".equals(type)) {
            openFresh();
        } else {
            error("bad-message", "Say hello (or resume) first.");
        }
    }

    private void openFresh() {
        session = sessions.open("websocket", address, connection, true);
        sendSession("session", sessions.resumeToken(session));
    }

    @Override
    public synchronized void resumed(Session resumed, String nextToken) {
        resuming = false;
        session = resumed;
        if (closed) {
            sessions.detach(resumed, connection); // the client left while the world was asked
            return;
        }
        sendSession("resumed", nextToken);
    }

    @Override
    public synchronized void refused() {
        resuming = false;
        if (closed) {
            return;
        }
        error("resume-refused", "That session has ended or the token is not valid; here is a new one.");
        openFresh();
    }

    private void sendSession(String type, String token) {
        String id = session.id();
        connection.control(writer -> {
            writer.writeStringField("type", type);
            writer.writeStringField("session", id);
            writer.writeStringField("token", token); // never logged
        });
    }

    private void line(JsonNode text) {
        if (!text.isTextual()) {
            error("bad-message", "A line needs its \"text\".");
            return;
        }
        String line = text.asText();
        if (line.getBytes(StandardCharsets.UTF_8).length > maxLineBytes || line.indexOf('\n') >= 0) {
            error("line-too-long", "A line is one line of at most " + maxLineBytes + " bytes; that one was not sent.");
            return;
        }
        sessions.line(session, line);
    }

    private void oob(JsonNode message) {
        String pkg = message.path("package").asText("");
        if (pkg.isEmpty() || pkg.length() > 64) {
            error("bad-message", "An oob message needs its \"package\".");
            return;
        }
        sessions.oob(session, pkg, message.path("data").toString());
    }

    private void error(String code, String text) {
        LOG.debug("session {}: {} from the client", session == null ? "(none yet)" : session.id(), code);
        connection.control(writer -> {
            writer.writeStringField("type", "error");
            writer.writeStringField("code", code);
            writer.writeStringField("message", text);
        });
    }

    /** The connection ended: the session waits for its client to come back. */
    synchronized void closed() {
        closed = true;
        if (session != null) {
            sessions.detach(session, connection);
        }
    }
}
