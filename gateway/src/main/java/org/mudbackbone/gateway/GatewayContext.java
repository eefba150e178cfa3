package org.mudbackbone.gateway;

import org.mudbackbone.gateway.limit.ConnectionGuard;
import org.mudbackbone.gateway.limit.LimitsConfig;
import org.mudbackbone.gateway.limit.Refusals;
import org.mudbackbone.gateway.limit.SlowReaderGuard;
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
        Supplier<SslContext> tls, TrustedProxies proxies, ConnectionGuard guard, LimitsConfig limits, Refusals refusals) {

    /**
     * Every connection's first handlers, on every port: the connection limits, the bound on output
     * waiting for a client that does not read, and the PROXY header when that is on (before TLS: a
     * load balancer sends it in the clear).
     *
     * @param refusal what a client refused by a connection limit is told (null: nothing)
     */
    public void prepare(io.netty.channel.Channel channel, java.util.function.Function<String, io.netty.buffer.ByteBuf> refusal) {
        if (proxies.proxyProtocol()) {
            // the per-address limits apply to the client a trusted proxy names, once its header is read
            channel.pipeline().addFirst("proxy-gate", new ProxyProtocolGate(proxies, guard::admitClient));
        }
        guard.guard(channel, refusal);
        channel.pipeline().addFirst("slow-reader", new SlowReaderGuard(limits.maxOutputBacklogBytes(), refusals));
    }

    /** A refusal on an HTTP port: 503 with the reason as text. */
    public static io.netty.buffer.ByteBuf serviceUnavailable(String reason) {
        byte[] body = (reason + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String head = "HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\nRetry-After: 10\r\n"
                + "Connection: close\r\nContent-Length: " + body.length + "\r\n\r\n";
        return io.netty.buffer.Unpooled.wrappedBuffer(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII), body);
    }
}
