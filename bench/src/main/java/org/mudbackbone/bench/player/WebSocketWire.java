package org.mudbackbone.bench.player;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.io.IOException;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;

/**
 * A WebSocket in the gateway's own JSON subprotocol, as the web client speaks it: {@code hello},
 * then {@code line} messages; {@code text} and {@code prompt} messages are read as their plain text.
 */
final class WebSocketWire implements Wire {

    static final String SUBPROTOCOL = "v1.json.mud-backbone.org";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;
    private final String uri;
    private volatile Channel channel;
    private volatile boolean closing;

    /** @param uri {@code ws://host:port/ws} */
    WebSocketWire(HttpClient client, String uri) {
        this.client = client;
        this.uri = uri;
    }

    @Override
    public Mono<Void> open(Lines lines) {
        Sinks.Empty<Void> session = Sinks.empty();
        client.websocket(WebsocketClientSpec.builder().protocols(SUBPROTOCOL).maxFramePayloadLength(1 << 20).build())
                .uri(uri)
                .handle((in, out) -> {
                    in.withConnection(c -> {
                        channel = c.channel();
                        c.onDispose(() -> {
                            if (!closing) {
                                lines.closedByServer();
                            }
                            session.tryEmitError(new IllegalStateException("connection closed by the server"));
                        });
                    });
                    in.receive().asString().subscribe(frame -> read(frame, lines, session), e -> { });
                    return out.sendString(Mono.just("{\"type\":\"hello\",\"client\":\"load\"}")).then(Mono.never());
                })
                .subscribe(v -> { }, session::tryEmitError);
        return session.asMono();
    }

    private static void read(String frame, Lines lines, Sinks.Empty<Void> session) {
        long at = System.nanoTime();
        JsonNode message;
        try {
            message = JSON.readTree(frame);
        } catch (IOException e) {
            return;
        }
        switch (message.path("type").asText()) {
            case "session" -> session.tryEmitEmpty();
            case "text", "prompt" -> {
                for (String line : message.path("plain").asText().split("\n")) {
                    lines.line(line, at);
                }
            }
            default -> { }
        }
    }

    @Override
    public boolean send(String text) {
        Channel c = channel;
        if (c == null || !c.isActive()) {
            return false;
        }
        var message = JsonNodeFactory.instance.objectNode().put("type", "line").put("text", text);
        c.writeAndFlush(new TextWebSocketFrame(message.toString()));
        return true;
    }

    @Override
    public void close() {
        closing = true;
        Channel c = channel;
        if (c != null) {
            send("quit"); // a closed socket alone leaves the session waiting to be resumed for minutes
            c.close();
        }
    }
}
