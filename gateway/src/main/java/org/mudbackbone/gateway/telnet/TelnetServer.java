package org.mudbackbone.gateway.telnet;

import io.netty.channel.ChannelOption;
import io.netty.handler.codec.LineBasedFrameDecoder;
import io.netty.handler.codec.string.StringDecoder;
import io.netty.handler.ssl.SslContext;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.mudbackbone.gateway.proxy.TrustedProxies;
import org.mudbackbone.gateway.session.SessionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.DisposableServer;
import reactor.netty.NettyInbound;
import reactor.netty.tcp.TcpServer;

/**
 * The telnet server: Reactor Netty TCP (optionally TLS) with telnet decoding, line framing with a
 * limit and UTF-8. Each connection negotiates its options, then becomes a session.
 */
public final class TelnetServer {

    private static final Logger LOG = LoggerFactory.getLogger(TelnetServer.class);

    /**
     * @param negotiationTimeout how long a connection waits for the client's answers before it plays
     *                           with what was agreed
     * @param mssp               the live MSSP figures
     * @param tls                a TLS context for a TLS port, or {@code null} for plain telnet
     * @param proxies            the proxies in front whose NEW-ENVIRON IPADDRESS is taken
     * @param prepare            puts the gateway's first handlers on each new connection (limits, PROXY header)
     */
    public record Settings(String host, int port, int maxLineBytes, Duration negotiationTimeout,
            Supplier<Map<String, String>> mssp, SslContext tls, TrustedProxies proxies,
            java.util.function.Consumer<io.netty.channel.Channel> prepare) {}

    /**
     * The name of the handler that carries telnet bytes in another transport's frames (WebSocket):
     * compression (MCCP2) goes just inside it, so that frames, not their bytes, are what is sent.
     */
    public static final String TRANSPORT = "telnet-transport";

    private TelnetServer() {}

    public static DisposableServer bind(Settings settings, SessionManager sessions) {
        TcpServer server = TcpServer.create()
                .host(settings.host())
                .port(settings.port())
                // prompts and room fan-out must not wait for delayed ACKs (Nagle)
                .childOption(ChannelOption.TCP_NODELAY, true);
        if (settings.tls() != null) {
            server = server.secure(spec -> spec.sslContext(settings.tls()));
        }
        server = server.doOnChannelInit((observer, channel, remote) -> settings.prepare().accept(channel));
        DisposableServer bound = server
                .handle((in, out) -> {
                    Connection[] holder = new Connection[1];
                    in.withConnection(c -> holder[0] = c);
                    return serve(holder[0], in, settings, sessions, settings.tls() != null);
                })
                .bindNow();
        LOG.info("telnet{} listening on {}", settings.tls() != null ? " (TLS)" : "", bound.address());
        return bound;
    }

    /**
     * Speaks telnet on {@code connection} until it closes: negotiation, then a session. Also used for
     * telnet carried in WebSocket frames, where {@code connection}'s pipeline already turns frames
     * into bytes and back (see {@link #TRANSPORT}).
     *
     * @param secure whether the connection is encrypted (the world is told)
     */
    public static Mono<Void> serve(Connection connection, NettyInbound in, Settings settings, SessionManager sessions,
            boolean secure) {
        ClientProfile profile = new ClientProfile(address(connection.channel().remoteAddress()), secure);
        TelnetNegotiator negotiator = new TelnetNegotiator(connection.channel(), profile, settings.mssp(),
                settings.proxies());
        connection.addHandlerLast("telnet", new TelnetDecoder(negotiator))
                .addHandlerLast("lines", new LineBasedFrameDecoder(settings.maxLineBytes(), true, true))
                .addHandlerLast("utf8", new StringDecoder(StandardCharsets.UTF_8))
                .addHandlerLast("line-limit", new LineLimitGuard(settings.maxLineBytes()));
        TelnetSession session = new TelnetSession(connection, sessions, negotiator, profile);
        connection.onDispose(session::closed);
        session.start(settings.negotiationTimeout());
        return in.receiveObject()
                .ofType(String.class)
                .doOnNext(session::line)
                .onErrorResume(error -> {
                    LOG.warn("session {}: telnet input failed: {}", session.id(), error.toString());
                    return Mono.empty();
                })
                .then();
    }

    private static String address(SocketAddress address) {
        return address instanceof InetSocketAddress inet ? inet.getAddress().getHostAddress() : String.valueOf(address);
    }
}
