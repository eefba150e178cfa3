package org.mudbackbone.bench.player;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;

/**
 * A client of the gateway's HTTP session API: creates a session, reads its output as server-sent
 * events, and posts each line numbered, one request after another (a line overtaking the one
 * before would be a gap, refused with 409).
 */
final class HttpWire implements Wire {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;
    private final String sessions;
    private final Sinks.Many<String> outgoing = Sinks.many().unicast().onBackpressureBuffer();
    private volatile String session;
    private volatile String auth;
    private volatile boolean open;
    private volatile boolean closing;
    private long seq;
    private Disposable events;
    private Disposable posting;

    /** @param base {@code http://host:port/api/v1} */
    HttpWire(HttpClient client, String base) {
        this.client = client;
        this.sessions = base + "/sessions";
    }

    @Override
    public Mono<Void> open(Lines lines) {
        return client.post().uri(sessions).responseSingle((response, body) -> response.status().code() == 201
                        ? body.asString()
                        : Mono.error(new IllegalStateException("POST /sessions answered " + response.status())))
                .map(HttpWire::parse)
                .doOnNext(created -> {
                    session = created.path("session").asText();
                    auth = "Bearer " + created.path("token").asText();
                    events = readEvents(lines);
                    posting = outgoing.asFlux().concatMap(this::post).subscribe();
                    open = true;
                })
                .then();
    }

    /** The output as server-sent events: each {@code data:} line's plain text, line by line. */
    private Disposable readEvents(Lines lines) {
        StringBuilder pending = new StringBuilder();
        return client.headers(h -> h.set("Authorization", auth).set("Accept", "text/event-stream"))
                .get().uri(sessions + "/" + session + "/events")
                .responseContent().asString(StandardCharsets.UTF_8)
                .subscribe(chunk -> {
                    long at = System.nanoTime();
                    pending.append(chunk);
                    for (int end; (end = pending.indexOf("\n")) >= 0; ) {
                        String field = pending.substring(0, end);
                        pending.delete(0, end + 1);
                        if (field.startsWith("data: ")) {
                            for (String line : parse(field.substring(6)).path("plain").asText().split("\n")) {
                                lines.line(line, at);
                            }
                        }
                    }
                }, e -> ended(lines), () -> ended(lines));
    }

    private void ended(Lines lines) {
        open = false;
        if (!closing) {
            lines.closedByServer();
        }
    }

    private Mono<Integer> post(String body) {
        return client.headers(h -> h.set("Authorization", auth).set("Content-Type", "application/json"))
                .post().uri(sessions + "/" + session + "/lines")
                .send(ByteBufFlux.fromString(Mono.just(body)))
                .responseSingle((response, content) -> Mono.just(response.status().code()))
                .onErrorReturn(0);
    }

    @Override
    public boolean send(String text) {
        if (!open) {
            return false;
        }
        synchronized (this) { // the login line is sent from an event loop, the others from the sender
            String body = JsonNodeFactory.instance.objectNode().put("seq", ++seq).put("text", text).toString();
            return outgoing.tryEmitNext(body).isSuccess();
        }
    }

    @Override
    public void close() {
        closing = true;
        open = false;
        if (events != null) {
            events.dispose();
            posting.dispose();
            client.headers(h -> h.set("Authorization", auth)).delete().uri(sessions + "/" + session)
                    .response().onErrorResume(e -> Mono.empty()).subscribe();
        }
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            return JsonNodeFactory.instance.objectNode();
        }
    }
}
