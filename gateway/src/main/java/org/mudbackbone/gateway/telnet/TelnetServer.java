package org.mudbackbone.gateway.telnet;

import io.netty.channel.ChannelOption;
import io.netty.handler.codec.LineBasedFrameDecoder;
import io.netty.handler.codec.string.StringDecoder;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import org.mudbackbone.gateway.session.Session;
import org.mudbackbone.gateway.session.SessionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.DisposableServer;
import reactor.netty.tcp.TcpServer;

/**
 * The telnet server: Reactor Netty TCP with telnet decoding, line framing with a limit and UTF-8.
 * Each connection becomes a session of the {@link SessionManager}.
 */
public final class TelnetServer {

    private static final Logger LOG = LoggerFactory.getLogger(TelnetServer.class);

    private TelnetServer() {}

    public static DisposableServer bind(String host, int port, int maxLineBytes, SessionManager sessions) {
        DisposableServer server = TcpServer.create()
                .host(host)
                .port(port)
                // prompts and room fan-out must not wait for delayed ACKs (Nagle)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .doOnConnection(connection -> connection
                        .addHandlerLast("telnet", new TelnetDecoder())
                        .addHandlerLast("lines", new LineBasedFrameDecoder(maxLineBytes, true, true))
                        .addHandlerLast("utf8", new StringDecoder(StandardCharsets.UTF_8))
                        .addHandlerLast("line-limit", new LineLimitGuard(maxLineBytes)))
                .handle((in, out) -> {
                    Connection[] holder = new Connection[1];
                    in.withConnection(c -> holder[0] = c);
                    Connection connection = holder[0];
                    TelnetDecoder decoder = connection.channel().pipeline().get(TelnetDecoder.class);
                    Session session = sessions.open("telnet", address(connection.channel().remoteAddress()),
                            new TelnetConnection(connection.channel(), decoder));
                    connection.onDispose(() -> sessions.close(session, "connection closed"));
                    return in.receiveObject()
                            .ofType(String.class)
                            .doOnNext(line -> sessions.line(session, line))
                            .onErrorResume(error -> {
                                LOG.warn("session {}: telnet input failed: {}", session.id(), error.toString());
                                return Mono.empty();
                            })
                            .then();
                })
                .bindNow();
        LOG.info("telnet listening on {}", server.address());
        return server;
    }

    private static String address(SocketAddress address) {
        return address instanceof InetSocketAddress inet ? inet.getAddress().getHostAddress() : String.valueOf(address);
    }
}
