package org.mudbackbone.gateway;

import io.netty.handler.ssl.SslContext;
import java.util.function.Supplier;
import org.mudbackbone.gateway.proxy.ProxyProtocolGate;
import org.mudbackbone.gateway.proxy.TrustedProxies;
import org.mudbackbone.gateway.session.SessionManager;

/**
 * What a protocol server gets from the gateway: the sessions it opens, the address to bind, the game's
 * name, when the gateway started (MSSP uptime), the line limit every protocol keeps, and the one TLS certificate
 * every encrypted port shares, and which proxies in front may say who a client is.
 */
public record GatewayContext(SessionManager sessions, String host, String gameName, long startedAt, int maxLineBytes,
        Supplier<SslContext> tls, TrustedProxies proxies) {

    /** Every listener's first handler when the PROXY protocol is on (else nothing is added). */
    public void acceptProxyHeaders(io.netty.channel.Channel channel) {
        if (proxies.proxyProtocol()) {
            channel.pipeline().addFirst("proxy-gate", new ProxyProtocolGate(proxies));
        }
    }
}
