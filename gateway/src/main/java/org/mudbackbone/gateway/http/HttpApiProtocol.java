package org.mudbackbone.gateway.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.annotation.Requires;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.ssl.SslContext;
import jakarta.inject.Singleton;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import org.mudbackbone.broker.message.GameOutput;
import org.mudbackbone.gateway.BoundPorts;
import org.mudbackbone.gateway.GatewayContext;
import org.mudbackbone.gateway.ProtocolServer;
import org.mudbackbone.gateway.proxy.RealAddress;
import org.mudbackbone.gateway.render.OutputJson;
import org.mudbackbone.gateway.session.ResumeListener;
import org.mudbackbone.gateway.session.Session;
import org.mudbackbone.gateway.session.SessionManager;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * The HTTP session API under {@code /api/v1}, for clients that cannot hold a socket: create a
 * session, send numbered lines (a retried POST is never done twice), read output after a number
 * (long-poll) or as server-sent events, close. Every request after the first carries the session's
 * bearer token, which is also its resume token: the same token takes the session up over WebSocket
 * or at another gateway. See {@code openapi.yaml}.
 */
@Singleton
@Requires(property = "mud.gateway.http.enabled", notEquals = "false")
public final class HttpApiProtocol implements ProtocolServer {

    private static final Logger LOG = LoggerFactory.getLogger(HttpApiProtocol.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BODY_BYTES = 16 * 1024;
    private static final String BASE = "/api/v1/sessions";

    private final HttpApiConfig config;
    private final Map<String, HttpSession> byId = new ConcurrentHashMap<>();
    private final byte[] openApi = resource("openapi.yaml");
    private GatewayContext gateway;
    private SessionManager sessions;
    private BoundPorts ports;
    private Disposable idleCheck;

    public HttpApiProtocol(HttpApiConfig config) {
        this.config = config;
    }

    @Override
    public String name() {
        return "http";
    }

    @Override
    public void start(GatewayContext gateway) {
        this.gateway = gateway;
        this.sessions = gateway.sessions();
        ports = new BoundPorts(bind(config.port(), null),
                config.tlsPort() < 0 ? null : bind(config.tlsPort(), gateway.tls().get()));
        idleCheck = Flux.interval(Duration.ofSeconds(5)).subscribe(tick -> forgetIdle(System.currentTimeMillis()));
    }

    private DisposableServer bind(int port, SslContext tls) {
        HttpServer server = HttpServer.create().host(gateway.host()).port(port)
                .doOnChannelInit((observer, channel, remote) -> gateway.prepare(channel,
                        tls != null ? null : GatewayContext::serviceUnavailable))
                .route(routes -> routes
                        .post(BASE, this::create)
                        .post(BASE + "/{id}/lines", (req, res) -> line(req, res, false))
                        .post(BASE + "/{id}/secret", (req, res) -> line(req, res, true))
                        .get(BASE + "/{id}/output", this::output)
                        .get(BASE + "/{id}/events", this::events)
                        .delete(BASE + "/{id}", this::close)
                        .get("/api/v1/openapi.yaml", (req, res) -> res
                                .header(HttpHeaderNames.CONTENT_TYPE, "application/yaml")
                                .sendByteArray(Mono.just(openApi))));
        if (tls != null) {
            server = server.secure(spec -> spec.sslContext(tls));
        }
        DisposableServer bound = server.bindNow();
        LOG.info("HTTP API{} listening on {}", tls != null ? " (TLS)" : "", bound.address());
        return bound;
    }

    // ---- create, or take up with a token ----------------------------------------------------

    private Publisher<Void> create(HttpServerRequest req, HttpServerResponse res) {
        return body(req).flatMap(body -> {
            String address = RealAddress.of(req, gateway.proxies());
            HttpConnection connection = new HttpConnection();
            String token = body.path("resume").asText("");
            if (token.isEmpty()) {
                Session session = sessions.open("http", address, connection, true);
                byId.put(session.id(), new HttpSession(session, connection, 0, config.linesPerSecond(), now()));
                return json(res.status(HttpResponseStatus.CREATED), sessionBody(session, sessions.resumeToken(session)));
            }
            return Mono.<Object>create(sink -> sessions.resume(token, connection, body.path("after").asLong(-1), "http",
                    address, new ResumeListener() {
                        @Override
                        public void resumed(Session session, String nextToken) {
                            byId.put(session.id(), new HttpSession(session, connection, -1, config.linesPerSecond(), now()));
                            sink.success(sessionBody(session, nextToken));
                        }

                        @Override
                        public void refused() {
                            sink.success(Problem.unauthorized("That session has ended or the token is not valid: create a new session."));
                        }
                    }))
                    .flatMap(outcome -> outcome instanceof Problem problem ? Mono.from(problem.send(req, res))
                            : json(res.status(HttpResponseStatus.OK), (String) outcome));
        }).onErrorResume(Refusal.class, refusal -> Mono.from(refusal.problem.send(req, res)));
    }

    private static String sessionBody(Session session, String token) {
        return write(writer -> {
            writer.writeStringField("session", session.id());
            writer.writeStringField("token", token); // never logged; never put in a URL
        });
    }

    // ---- input ----------------------------------------------------------------------------

    private Publisher<Void> line(HttpServerRequest req, HttpServerResponse res, boolean secret) {
        return authorized(req).flatMap(http -> body(req).flatMap(body -> {
            JsonNode seqNode = body.path("seq");
            JsonNode textNode = body.path(secret ? "secret" : "text");
            if (!seqNode.canConvertToLong() || seqNode.asLong() < 1 || !textNode.isTextual()) {
                throw new Refusal(Problem.badRequest("Send {\"seq\": n, \"" + (secret ? "secret" : "text")
                        + "\": \"...\"}, n counting from 1."));
            }
            long seq = seqNode.asLong();
            String text = textNode.asText();
            if (text.getBytes(StandardCharsets.UTF_8).length > gateway.maxLineBytes() || text.indexOf('\n') >= 0) {
                throw new Refusal(Problem.tooLarge("A line is one line of at most " + gateway.maxLineBytes() + " bytes."));
            }
            if (secret && !http.connection.secretAsked()) {
                throw new Refusal(new Problem(HttpResponseStatus.CONFLICT, "no-secret-asked",
                        "The game is not asking for a secret now; send it when the output says \"secret\": true."));
            }
            return switch (http.number(seq, text, now())) {
                case NEW -> {
                    sessions.line(http.session, text);
                    yield json(res.status(HttpResponseStatus.ACCEPTED), write(w -> w.writeNumberField("seq", seq)));
                }
                case REPEAT -> json(res.status(HttpResponseStatus.OK), write(w -> {
                    w.writeNumberField("seq", seq);
                    w.writeBooleanField("repeat", true); // sent before: not done again
                }));
                case GAP -> throw new Refusal(Problem.conflict("Line " + seq + " does not follow line "
                        + http.lastSeq() + "; send " + (http.lastSeq() + 1) + " next."));
                case REUSED -> throw new Refusal(Problem.conflict("Line " + seq + " was already sent with other text."));
                case TOO_OLD -> throw new Refusal(Problem.conflict("Line " + seq + " is too old to check; send "
                        + (http.lastSeq() + 1) + " next."));
                case TOO_FAST -> {
                    res.header(HttpHeaderNames.RETRY_AFTER, "1");
                    throw new Refusal(new Problem(HttpResponseStatus.TOO_MANY_REQUESTS, "rate-limit", "At most "
                            + config.linesPerSecond() + " lines a second; wait a moment and send line " + seq + " again."));
                }
            };
        })).onErrorResume(Refusal.class, refusal -> Mono.from(refusal.problem.send(req, res)));
    }

    // ---- output ---------------------------------------------------------------------------

    private Publisher<Void> output(HttpServerRequest req, HttpServerResponse res) {
        return authorized(req).flatMap(http -> {
            long after = longParam(req, "after", -1);
            long wait = Math.min(Math.max(0, longParam(req, "wait", config.maxWaitSeconds())), config.maxWaitSeconds());
            long count = http.connection.count();
            SessionManager.Kept kept = sessions.keptAfter(http.session, after);
            Mono<SessionManager.Kept> ready = kept.outputs().isEmpty() && !kept.gap() && http.connection.ended() == null
                    ? http.connection.changes().filter(c -> c > count).next()
                            .timeout(Duration.ofSeconds(wait), Mono.just(count))
                            .then(Mono.fromSupplier(() -> sessions.keptAfter(http.session, after)))
                    : Mono.just(kept);
            return ready.flatMap(k -> json(res, write(writer -> {
                writer.writeArrayFieldStart("items");
                long last = after;
                for (GameOutput output : k.outputs()) {
                    writer.writeStartObject();
                    item(writer, output);
                    writer.writeEndObject();
                    last = output.seq();
                }
                writer.writeEndArray();
                writer.writeNumberField("last", last);
                writer.writeBooleanField("gap", k.gap());
                writer.writeBooleanField("secret", http.connection.secretAsked());
                if (http.connection.ended() != null) {
                    writer.writeStringField("ended", http.connection.ended());
                }
            })));
        }).onErrorResume(Refusal.class, refusal -> Mono.from(refusal.problem.send(req, res)));
    }

    private Publisher<Void> events(HttpServerRequest req, HttpServerResponse res) {
        return authorized(req).flatMap(http -> {
            String lastEventId = req.requestHeaders().get("Last-Event-ID");
            long[] cursor = {lastEventId != null ? parseLong(lastEventId, -1) : longParam(req, "after", -1)};
            boolean[] secret = {false};
            http.streams.incrementAndGet();
            Flux<String> news = http.connection.changes().concatMap(change -> {
                StringBuilder events = new StringBuilder();
                SessionManager.Kept kept = sessions.keptAfter(http.session, cursor[0]);
                if (kept.gap()) {
                    events.append("event: gap\ndata: {\"type\":\"gap\",\"message\":\"Some output after ")
                            .append(cursor[0]).append(" is no longer kept.\"}\n\n");
                }
                for (GameOutput output : kept.outputs()) {
                    String data = write(writer -> item(writer, output));
                    events.append("id: ").append(output.seq()).append('\n')
                            .append("event: ").append(type(output)).append('\n')
                            .append("data: ").append(data).append("\n\n");
                    cursor[0] = output.seq();
                }
                if (http.connection.secretAsked() != secret[0]) {
                    secret[0] = http.connection.secretAsked();
                    events.append("event: secret\ndata: {\"type\":\"secret\",\"on\":").append(secret[0]).append("}\n\n");
                }
                return events.isEmpty() ? Flux.empty() : Flux.just(events.toString());
            });
            Flux<String> heartbeats = Flux.interval(Duration.ofSeconds(config.heartbeatSeconds())).map(t -> ": still here\n\n");
            Flux<String> stream = Flux.merge(news, heartbeats.takeUntilOther(http.connection.changes().ignoreElements()))
                    .concatWith(Mono.fromSupplier(() -> "event: closed\ndata: " + write(w -> OutputJson.markup(w, "closed", -1,
                            http.connection.ended() == null ? "" : http.connection.ended())) + "\n\n"))
                    .doFinally(signal -> http.streams.decrementAndGet());
            return Mono.from(res.header(HttpHeaderNames.CONTENT_TYPE, "text/event-stream; charset=utf-8")
                    .header(HttpHeaderNames.CACHE_CONTROL, "no-cache")
                    .header("X-Accel-Buffering", "no") // nginx: pass each event at once
                    .sendString(stream, StandardCharsets.UTF_8));
        }).onErrorResume(Refusal.class, refusal -> Mono.from(refusal.problem.send(req, res)));
    }

    private static String type(GameOutput output) {
        return output instanceof GameOutput.Prompt ? "prompt" : output instanceof GameOutput.Oob ? "oob" : "text";
    }

    private static void item(JsonGenerator writer, GameOutput output) throws IOException {
        if (output instanceof GameOutput.Text text) {
            OutputJson.markup(writer, "text", output.seq(), text.markup());
        } else if (output instanceof GameOutput.Prompt prompt) {
            OutputJson.markup(writer, "prompt", output.seq(), prompt.markup());
        } else if (output instanceof GameOutput.Oob oob) {
            OutputJson.oob(writer, output.seq(), oob.pkg(), oob.json());
        }
    }

    // ---- close, and sessions nobody asks about --------------------------------------------

    private Publisher<Void> close(HttpServerRequest req, HttpServerResponse res) {
        return authorized(req).flatMap(http -> {
            byId.remove(http.session.id());
            sessions.close(http.session, "closed by its HTTP client");
            return Mono.from(res.status(HttpResponseStatus.NO_CONTENT).send());
        }).onErrorResume(Refusal.class, refusal -> Mono.from(refusal.problem.send(req, res)));
    }

    /**
     * Forgets sessions that ended or moved to another connection (their token was taken to a
     * WebSocket, say), and closes those nobody asked anything of for the idle time.
     */
    private void forgetIdle(long now) {
        for (HttpSession http : List.copyOf(byId.values())) {
            boolean gone = sessions.find(http.session.id()).isEmpty() || http.session.connection() != http.connection;
            boolean idle = http.streams.get() == 0 && now - http.lastAsked() > config.idleSeconds() * 1000L;
            if (gone || idle) {
                byId.remove(http.session.id());
                if (!gone) {
                    sessions.close(http.session, "idle for " + config.idleSeconds() + " s");
                }
            }
        }
    }

    // ---- plumbing -------------------------------------------------------------------------

    /** A request refused with a problem document. */
    private static final class Refusal extends RuntimeException {
        final Problem problem;

        Refusal(Problem problem) {
            super(problem.detail(), null, false, false);
            this.problem = problem;
        }
    }

    /** The session named in the path, if the request's bearer token is that session's. */
    private Mono<HttpSession> authorized(HttpServerRequest req) {
        return Mono.fromCallable(() -> {
            HttpSession http = byId.get(req.param("id"));
            if (http == null) {
                throw new Refusal(Problem.notFound("No session " + req.param("id") + " here."));
            }
            String header = req.requestHeaders().get(HttpHeaderNames.AUTHORIZATION, "");
            String token = header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : "";
            Optional<Session> holder = sessions.holding(token);
            if (holder.isEmpty() || holder.get() != http.session || http.session.connection() != http.connection) {
                throw new Refusal(Problem.unauthorized("Send the session's token: Authorization: Bearer <token>."));
            }
            http.asked(now());
            return http;
        });
    }

    /** The request's JSON body, at most 16 KiB; an empty body is an empty object. */
    private static Mono<JsonNode> body(HttpServerRequest req) {
        return req.receive().asByteArray()
                .collect(ByteArrayOutputStream::new, (out, bytes) -> {
                    if (out.size() + bytes.length > MAX_BODY_BYTES) {
                        throw new Refusal(Problem.tooLarge("A request body is at most " + MAX_BODY_BYTES + " bytes."));
                    }
                    out.writeBytes(bytes);
                })
                .map(out -> {
                    if (out.size() == 0) {
                        return JSON.createObjectNode();
                    }
                    try {
                        JsonNode node = JSON.readTree(out.toByteArray());
                        if (node == null || !node.isObject()) {
                            throw new Refusal(Problem.badRequest("The body is a JSON object."));
                        }
                        return node;
                    } catch (IOException e) {
                        throw new Refusal(Problem.badRequest("The body is not JSON."));
                    }
                });
    }

    private static Mono<Void> json(HttpServerResponse res, String body) {
        return Mono.from(res.header(HttpHeaderNames.CONTENT_TYPE, "application/json")
                .header(HttpHeaderNames.CACHE_CONTROL, "no-store")
                .sendString(Mono.just(body)));
    }

    private interface Fields {
        void write(JsonGenerator writer) throws IOException;
    }

    private static String write(Fields fields) {
        StringWriter out = new StringWriter();
        try (JsonGenerator writer = JSON.getFactory().createGenerator(out)) {
            writer.writeStartObject();
            fields.write(writer);
            writer.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static long longParam(HttpServerRequest req, String name, long otherwise) {
        return new io.netty.handler.codec.http.QueryStringDecoder(req.uri()).parameters()
                .getOrDefault(name, List.of()).stream().findFirst().map(v -> parseLong(v, otherwise)).orElse(otherwise);
    }

    private static long parseLong(String value, long otherwise) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    private static long now() {
        return System.currentTimeMillis();
    }

    private static byte[] resource(String name) {
        try (InputStream in = HttpApiProtocol.class.getResourceAsStream("/http/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the HTTP API's " + name + " is missing from the gateway's jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public BoundPorts ports() {
        return ports;
    }

    @Override
    public void stop() {
        if (idleCheck != null) {
            idleCheck.dispose();
        }
        ProtocolServer.super.stop();
    }
}
