package org.mudbackbone.gateway.websocket;

import java.nio.charset.StandardCharsets;
import org.mudbackbone.gateway.session.Session;
import org.mudbackbone.gateway.session.SessionManager;

/**
 * One connection in {@code terminal.mudstandards.org} or {@code gmcp.mudstandards.org}: the session
 * opens at once; binary frames carry typed text (UTF-8, lines ended by LF or CR LF; a frame may hold
 * several lines or part of one), and with GMCP, text frames carry {@code Package.Name json}. These
 * subprotocols have no way to resume: a lost connection ends the session, as on telnet.
 */
final class TerminalSession {

    private final SessionManager sessions;
    private final TerminalConnection connection;
    private final int maxLineBytes;
    private final StringBuilder partial = new StringBuilder();
    private final Session session;

    TerminalSession(SessionManager sessions, TerminalConnection connection, String address, String protocol,
            int maxLineBytes) {
        this.sessions = sessions;
        this.connection = connection;
        this.maxLineBytes = maxLineBytes;
        this.session = sessions.open(protocol, address, connection);
    }

    void typed(byte[] bytes) {
        partial.append(new String(bytes, StandardCharsets.UTF_8));
        int end;
        while ((end = partial.indexOf("\n")) >= 0) {
            String line = partial.substring(0, end);
            partial.delete(0, end + 1);
            sessions.line(session, line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
        }
        if (partial.length() > maxLineBytes) {
            partial.setLength(0);
            connection.text("{red}A line is at most " + maxLineBytes + " bytes; that one was not sent.{/}");
        }
    }

    /** {@code Package.Name json}, or a package name alone; a message whose JSON does not parse is dropped. */
    void gmcp(String message) {
        int space = message.indexOf(' ');
        String pkg = (space < 0 ? message : message.substring(0, space)).strip();
        String json = space < 0 ? "" : message.substring(space + 1).strip();
        if (pkg.isEmpty() || pkg.length() > 64) {
            return;
        }
        try {
            sessions.oob(session, pkg, json.isEmpty() ? "null" : JsonConnection.JSON.readTree(json).toString());
        } catch (java.io.IOException e) {
            connection.text("{red}That GMCP message's JSON did not parse; it was dropped.{/}");
        }
    }

    void closed() {
        sessions.detach(session, connection);
    }
}
