package org.mudbackbone.gateway.websocket;

import io.micronaut.context.annotation.Requires;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.ssl.SslContext;
import jakarta.inject.Singleton;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.mudbackbone.gateway.BoundPorts;
import org.mudbackbone.gateway.GatewayContext;
import org.mudbackbone.gateway.ProtocolServer;
import org.mudbackbone.gateway.proxy.RealAddress;
import org.mudbackbone.gateway.telnet.TelnetServer;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.WebsocketServerSpec;
import reactor.netty.http.websocket.WebsocketInbound;
import reactor.netty.http.websocket.WebsocketOutbound;

/**
 * The browser's way in: the web client's pages at {@code /} and the WebSocket at {@code /ws}, in
 * one of the {@link Subprotocol}s, on a plain port and, when configured, over TLS.
 */
@Singleton
@Requires(property = "mud.gateway.websocket.enabled", notEquals = "false")
public final class WebSocketProtocol implements ProtocolServer {

    private static final Logger LOG = LoggerFactory.getLogger(WebSocketProtocol.class);

    private final WebSocketConfig config;
    private final OriginPolicy origins;
    private final WebsocketServerSpec spec;
    private GatewayContext gateway;
    private WebClientPages pages;
    private BoundPorts ports;

    public WebSocketProtocol(WebSocketConfig config) {
        this.config = config;
        this.origins = new OriginPolicy(config.allowedOrigins());
        this.spec = WebsocketServerSpec.builder()
                .protocols(Subprotocol.all())
                .maxFramePayloadLength(config.maxFrameBytes())
                .build();
    }

    @Override
    public String name() {
        return "websocket";
    }

    @Override
    public void start(GatewayContext gateway) {
        this.gateway = gateway;
        this.pages = new WebClientPages(gateway.gameName());
        ports = new BoundPorts(bind(config.port(), null), config.tlsPort() < 0 ? null : bind(config.tlsPort(), gateway.tls().get()));
    }

    private DisposableServer bind(int port, SslContext context) {
        HttpServer server = HttpServer.create().host(gateway.host()).port(port)
                .doOnChannelInit((observer, channel, remote) -> gateway.prepare(channel,
                        context != null ? null : GatewayContext::serviceUnavailable))
                .route(routes -> routes
                        .get("/ws", (request, response) -> upgrade(request, response, context != null))
                        .get("/", (request, response) -> pages.send("index.html", request, response))
                        .get("/{file}", (request, response) -> pages.send(request.param("file"), request, response)));
        if (context != null) {
            server = server.secure(spec -> spec.sslContext(context));
        }
        DisposableServer bound = server.bindNow();
        LOG.info("web client and WebSocket{} listening on {}", context != null ? " (TLS)" : "", bound.address());
        return bound;
    }

    private Publisher<Void> upgrade(HttpServerRequest request, HttpServerResponse response, boolean secure) {
        String origin = request.requestHeaders().get(HttpHeaderNames.ORIGIN);
        if (!origins.allows(origin, request.requestHeaders().get(HttpHeaderNames.HOST))) {
            LOG.warn("WebSocket from {} refused: origin {} is not allowed", RealAddress.of(request, gateway.proxies()), origin);
            return response.status(HttpResponseStatus.FORBIDDEN).sendString(Mono.just("This page may not connect here.\n"));
        }
        String address = RealAddress.of(request, gateway.proxies());
        return response.sendWebsocket((in, out) -> play(in, out, address, secure), spec);
    }

    private Publisher<Void> play(WebsocketInbound in, WebsocketOutbound out, String address, boolean secure) {
        Connection[] holder = new Connection[1];
        in.withConnection(c -> holder[0] = c);
        Connection connection = holder[0];
        connection.addHandlerLast("idle", KeepAlive.timer(config.pingSeconds()))
                .addHandlerLast("keep-alive", new KeepAlive());
        Subprotocol protocol = Subprotocol.chosen(in.selectedSubprotocol());
        LOG.info("WebSocket from {}: {}", address, protocol.wireName);
        return switch (protocol) {
            case JSON -> json(connection, in, address);
            case TELNET -> {
                connection.addHandlerLast(TelnetServer.TRANSPORT, new TelnetFrames());
                yield TelnetServer.serve(connection, in, new TelnetServer.Settings(gateway.host(), 0,
                        gateway.maxLineBytes(), Duration.ofSeconds(1), Map::of, null, gateway.proxies(), channel -> { }),
                        gateway.sessions(), secure);
            }
            case GMCP, TERMINAL -> terminal(connection, in, address, protocol);
        };
    }

    private Publisher<Void> json(Connection connection, WebsocketInbound in, String address) {
        JsonSession session = new JsonSession(gateway.sessions(), new JsonConnection(connection.channel()), address,
                gateway.maxLineBytes());
        connection.onDispose(session::closed);
        connection.channel().eventLoop().schedule(() -> {
            if (!session.started()) {
                LOG.info("WebSocket from {} closed: no hello within {} s", address, config.helloSeconds());
                connection.dispose();
            }
        }, config.helloSeconds(), TimeUnit.SECONDS);
        return in.aggregateFrames(config.maxFrameBytes()).receiveFrames()
                .doOnNext(frame -> {
                    if (frame instanceof TextWebSocketFrame text) {
                        session.message(text.text());
                    }
                })
                .then();
    }

    private Publisher<Void> terminal(Connection connection, WebsocketInbound in, String address, Subprotocol protocol) {
        TerminalSession session = new TerminalSession(gateway.sessions(),
                new TerminalConnection(connection.channel(), protocol == Subprotocol.GMCP), address,
                "websocket-" + protocol.name().toLowerCase(java.util.Locale.ROOT), gateway.maxLineBytes());
        connection.onDispose(session::closed);
        return in.aggregateFrames(config.maxFrameBytes()).receiveFrames()
                .doOnNext(frame -> typed(session, frame, protocol))
                .then();
    }

    private static void typed(TerminalSession session, WebSocketFrame frame, Subprotocol protocol) {
        if (frame instanceof BinaryWebSocketFrame binary) {
            byte[] bytes = new byte[binary.content().readableBytes()];
            binary.content().getBytes(binary.content().readerIndex(), bytes);
            session.typed(bytes);
        } else if (frame instanceof TextWebSocketFrame text && protocol == Subprotocol.GMCP) {
            session.gmcp(text.text());
        }
    }

    @Override
    public BoundPorts ports() {
        return ports;
    }
}
