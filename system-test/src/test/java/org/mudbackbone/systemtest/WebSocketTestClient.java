package org.mudbackbone.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * A WebSocket player, on the JDK's client: every message kept in order (text frames as they came,
 * binary frames decoded as UTF-8), and for our JSON subprotocol the session, token and last output
 * number it was given, as the web client keeps them.
 */
final class WebSocketTestClient implements AutoCloseable {

    static final String JSON = "v1.json.mud-backbone.org";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final List<String> texts = new ArrayList<>();
    private final List<String> binaries = new ArrayList<>();
    private final List<JsonNode> messages = new ArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    private final WebSocket socket;
    private volatile boolean closed;
    private int cursor;

    WebSocketTestClient(int port, String subprotocol) {
        this(port, subprotocol, null);
    }

    WebSocketTestClient(int port, String subprotocol, String origin) {
        this(HttpClient.newHttpClient(), "ws://127.0.0.1:" + port + "/ws", subprotocol, origin);
    }

    WebSocketTestClient(HttpClient client, String url, String subprotocol, String origin) {
        WebSocket.Builder builder = client.newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(10)).subprotocols(subprotocol);
        if (origin != null) {
            builder.header("Origin", origin);
        }
        socket = builder.buildAsync(URI.create(url), new Listener())
                .orTimeout(Waits.ANSWER.toMillis(), TimeUnit.MILLISECONDS).join();
    }

    private final class Listener implements WebSocket.Listener {
        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                synchronized (WebSocketTestClient.this) {
                    texts.add(text);
                    if (JSON.equals(ws.getSubprotocol())) {
                        try {
                            messages.add(MAPPER.readTree(text));
                        } catch (java.io.IOException e) {
                            messages.add(MAPPER.createObjectNode().put("type", "unparsable").put("text", text));
                        }
                    }
                }
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            synchronized (WebSocketTestClient.this) {
                binaries.add(new String(bytes, StandardCharsets.ISO_8859_1));
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            closed = true;
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            closed = true;
        }
    }

    String subprotocol() {
        return socket.getSubprotocol();
    }

    // ---- our JSON subprotocol ----

    void hello() {
        sendJson(MAPPER.createObjectNode().put("type", "hello"));
    }

    void resume(String token, long seq) {
        sendJson(MAPPER.createObjectNode().put("type", "resume").put("token", token).put("seq", seq));
    }

    void line(String text) {
        sendJson(MAPPER.createObjectNode().put("type", "line").put("text", text));
    }

    void sendJson(ObjectNode message) {
        socket.sendText(message.toString(), true).join();
    }

    synchronized List<JsonNode> messages() {
        return List.copyOf(messages);
    }

    /** The first message of {@code type}, waited for. */
    JsonNode awaitMessage(String type) {
        Waits.until("a '" + type + "' message", Waits.ANSWER,
                () -> messages().stream().anyMatch(m -> type.equals(m.path("type").asText())), this::tail);
        return messages().stream().filter(m -> type.equals(m.path("type").asText())).findFirst().orElseThrow();
    }

    /** The plain text of every text and prompt so far, in order. */
    synchronized String plain() {
        StringBuilder all = new StringBuilder();
        for (JsonNode m : messages) {
            if (m.has("plain")) {
                all.append(m.get("plain").asText()).append('\n');
            }
        }
        return all.toString();
    }

    /** The highest output number shown so far (-1: none), as a client would send it to resume. */
    synchronized long lastSeq() {
        return messages.stream().filter(m -> m.has("seq")).mapToLong(m -> m.get("seq").asLong()).max().orElse(-1);
    }

    /** Every output number shown, in order of arrival. */
    synchronized List<Long> seqs() {
        return messages.stream().filter(m -> m.has("seq")).map(m -> m.get("seq").asLong()).toList();
    }

    // ---- any subprotocol ----

    /** Everything received as text: JSON plain text, or the binary frames' and text frames' content. */
    synchronized String text() {
        if (JSON.equals(socket.getSubprotocol())) {
            return plain();
        }
        return String.join("", binaries).replaceAll("\u001b\\[[0-9;]*m", "") + "\n" + String.join("\n", texts);
    }

    synchronized String rawBinary() {
        return String.join("", binaries);
    }

    /** Waits for {@code expected} after the previous match, and moves past it. */
    void awaitText(String expected) {
        Waits.until("'" + expected + "' on screen", Waits.ANSWER, () -> text().indexOf(expected, cursor) >= 0, this::tail);
        cursor = text().indexOf(expected, cursor) + expected.length();
    }

    void sendBinary(String text) {
        socket.sendBinary(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), true).join();
    }

    void sendText(String text) {
        socket.sendText(text, true).join();
    }

    boolean closed() {
        return closed;
    }

    /** The connection drops, as when a laptop closes: no closing handshake. */
    void cut() {
        socket.abort();
    }

    private String tail() {
        String all = text();
        return all.substring(Math.max(0, all.length() - 600));
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.abort();
        }
    }
}
