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

    /** Closes its ports; the sessions themselves are closed by the service afterwards. */
    void stop();

    /** Whether its ports are open. */
    boolean healthy();

    /** Its ports and figures, for the health details. */
    Map<String, Object> details();
}
