package org.mudbackbone.gateway.websocket;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The WebSocket subprotocols this gateway speaks, chosen by the client's {@code Sec-WebSocket-Protocol}. */
enum Subprotocol {
    /** Ours: JSON messages with markup and plain text, output numbers, secrets and resume. */
    JSON("v1.json.mud-backbone.org"),
    /** The whole telnet stream in binary frames: every telnet option, as on the telnet port. */
    TELNET("telnet.mudstandards.org"),
    /** ANSI text in binary frames, GMCP as {@code Package.Name json} in text frames. */
    GMCP("gmcp.mudstandards.org"),
    /** ANSI text in binary frames, nothing else. */
    TERMINAL("terminal.mudstandards.org");

    final String wireName;

    Subprotocol(String wireName) {
        this.wireName = wireName;
    }

    /** The one a client chose; a client that asked for none gets ours. */
    static Subprotocol chosen(String selected) {
        for (Subprotocol p : values()) {
            if (p.wireName.equals(selected)) {
                return p;
            }
        }
        return JSON;
    }

    /** All of them, for the handshake, in the order the server prefers. */
    static String all() {
        return Arrays.stream(values()).map(p -> p.wireName).collect(Collectors.joining(","));
    }
}
