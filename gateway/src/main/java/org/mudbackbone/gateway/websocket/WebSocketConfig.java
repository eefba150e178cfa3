package org.mudbackbone.gateway.websocket;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.util.List;

/**
 * The WebSocket protocol's settings ({@code mud.gateway.websocket.*}).
 *
 * @param enabled         whether this gateway serves the web client and WebSocket at all
 * @param port            the web client and its WebSocket, {@code /ws} (0: any free port)
 * @param tlsPort         the same over HTTPS and WSS, with the gateway's certificate (0: any free port; -1: none)
 * @param allowedOrigins  pages from other origins allowed to open a WebSocket here; the gateway's own
 *                        page always is, and a client that sends no {@code Origin} (not a browser) too
 * @param maxFrameBytes   the largest frame a client may send (a line is bounded further by the line limit)
 * @param pingSeconds     a connection silent this long is pinged; silent twice as long, it is closed
 * @param helloSeconds    how long a JSON client has for its first message (hello or resume)
 */
@ConfigurationProperties("mud.gateway.websocket")
public record WebSocketConfig(
        @Bindable(defaultValue = "true") boolean enabled,
        @Bindable(defaultValue = "4080") int port,
        @Bindable(defaultValue = "-1") int tlsPort,
        @Bindable(defaultValue = "") List<String> allowedOrigins,
        @Bindable(defaultValue = "65536") int maxFrameBytes,
        @Bindable(defaultValue = "20") int pingSeconds,
        @Bindable(defaultValue = "10") int helloSeconds) {}
