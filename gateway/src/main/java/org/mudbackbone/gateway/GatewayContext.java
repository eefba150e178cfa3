package org.mudbackbone.gateway;

import io.netty.handler.ssl.SslContext;
import java.util.function.Supplier;
import org.mudbackbone.gateway.session.SessionManager;

/**
 * What a protocol server gets from the gateway: the sessions it opens, the address to bind, the game's
 * name, when the gateway started (MSSP uptime), the line limit every protocol keeps, and the one TLS certificate
 * every encrypted port shares.
 */
public record GatewayContext(SessionManager sessions, String host, String gameName, long startedAt, int maxLineBytes,
        Supplier<SslContext> tls) {}
