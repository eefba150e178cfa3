package org.mudbackbone.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A client of the HTTP session API on the JDK's HttpClient, as a bot or script would use it. */
final class ApiTestClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    String session;
    String token;

    ApiTestClient(int port) {
        this.base = "http://127.0.0.1:" + port + "/api/v1";
    }

    /** Opens a session; returns the response. */
    HttpResponse<String> create() {
        HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(base + "/sessions"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        remember(created);
        return created;
    }

    /** Takes a session up with a token (from HTTP or WebSocket). */
    HttpResponse<String> resume(String resumeToken, long after) {
        HttpResponse<String> taken = send(HttpRequest.newBuilder(URI.create(base + "/sessions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.createObjectNode()
                        .put("resume", resumeToken).put("after", after).toString())));
        remember(taken);
        return taken;
    }

    private void remember(HttpResponse<String> response) {
        if (response.statusCode() / 100 == 2) {
            JsonNode body = json(response);
            session = body.path("session").asText();
            token = body.path("token").asText();
        }
    }

    HttpResponse<String> line(long seq, String text) {
        return post("/lines", JSON.createObjectNode().put("seq", seq).put("text", text).toString(), token);
    }

    HttpResponse<String> secret(long seq, String secret) {
        return post("/secret", JSON.createObjectNode().put("seq", seq).put("secret", secret).toString(), token);
    }

    HttpResponse<String> post(String path, String body, String bearer) {
        return send(HttpRequest.newBuilder(URI.create(base + "/sessions/" + session + path))
                .header("Authorization", "Bearer " + bearer).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> output(long after, int waitSeconds) {
        return send(HttpRequest.newBuilder(URI.create(base + "/sessions/" + session + "/output?after=" + after
                + "&wait=" + waitSeconds)).header("Authorization", "Bearer " + token).GET());
    }

    HttpResponse<String> delete() {
        return send(HttpRequest.newBuilder(URI.create(base + "/sessions/" + session))
                .header("Authorization", "Bearer " + token).DELETE());
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** Reads output until {@code expected} is in the plain text of what came after {@code after}; returns the last seq. */
    long awaitOutput(long after, String expected, StringBuilder seen) {
        long[] cursor = {after};
        Waits.until("'" + expected + "' in the output", Waits.ANSWER, () -> {
            JsonNode body = json(output(cursor[0], 1));
            for (JsonNode item : body.path("items")) {
                seen.append(item.path("plain").asText()).append('\n');
            }
            cursor[0] = body.path("last").asLong();
            return seen.indexOf(expected) >= 0;
        }, seen::toString);
        return cursor[0];
    }

    /** An event stream, read on a thread of its own until {@link EventStream#cut}. */
    EventStream events(String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/sessions/" + session + "/events"))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        try {
            HttpResponse<InputStream> response = http.send(request.GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            return new EventStream(response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static final class EventStream {
        final HttpResponse<InputStream> response;
        private final List<String> lines = new ArrayList<>();
        private final Thread reader;

        EventStream(HttpResponse<InputStream> response) {
            this.response = response;
            this.reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                    for (String line; (line = in.readLine()) != null;) {
                        synchronized (lines) {
                            lines.add(line);
                        }
                    }
                } catch (IOException e) {
                    // cut
                }
            }, "sse-reader");
            reader.setDaemon(true);
            reader.start();
        }

        List<String> lines() {
            synchronized (lines) {
                return List.copyOf(lines);
            }
        }

        String text() {
            return String.join("\n", lines());
        }

        /** The plain text of every text and prompt event so far, in order. */
        String plain() {
            StringBuilder all = new StringBuilder();
            for (String line : lines()) {
                if (line.startsWith("data: ")) {
                    try {
                        JsonNode data = JSON.readTree(line.substring(6));
                        if (data.has("plain")) {
                            all.append(data.get("plain").asText()).append('\n');
                        }
                    } catch (IOException e) {
                        throw new AssertionError("an event's data is not JSON: " + line, e);
                    }
                }
            }
            return all.toString();
        }

        /** The last {@code id:} received, or null. */
        String lastId() {
            String id = null;
            for (String line : lines()) {
                if (line.startsWith("id: ")) {
                    id = line.substring(4);
                }
            }
            return id;
        }

        void awaitText(String expected) {
            Waits.until("'" + expected + "' in the event stream", Waits.ANSWER, () -> text().contains(expected), this::text);
        }

        void cut() throws IOException {
            response.body().close();
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Waits.ANSWER.plusSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
