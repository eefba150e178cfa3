package org.mudbackbone.gateway;

import java.util.Map;

/**
 * One way players reach this gateway (telnet, WebSocket, ...). Each protocol is a bean in its own
 * package with its own nested configuration; the {@link GatewayService} starts every one it finds
 * once sessions can be opened, and stops them first on shutdown. Nothing outside a protocol's
 * package names it.
 */
public interface ProtocolServer {

    /** Its name in logs and in the health details ("telnet", "websocket"). */
    String name();

    /** Opens its ports; sessions it makes go to {@code gateway.sessions()}. */
    void start(GatewayContext gateway);

    /** Its bound ports, or {@code null} before it started. */
    BoundPorts ports();

    /** The bound plain port (useful when configured as 0). */
    default int port() {
        return ports().port();
    }

    /** The bound TLS port, or -1. */
    default int tlsPort() {
        return ports().tlsPort();
    }

    /** Closes its ports; the sessions themselves are closed by the service. */
    default void stop() {
        if (ports() != null) {
            ports().close();
        }
    }

    /** Whether its ports are open. */
    default boolean healthy() {
        return ports() != null && ports().open();
    }

    /** Its ports and figures, for the health details. */
    default Map<String, Object> details() {
        return ports() == null ? Map.of() : ports().details();
    }
}
