package org.mudbackbone.bench.scenario;

import io.netty.channel.ChannelOption;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.mudbackbone.bench.player.SourceAddresses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.netty.Connection;
import reactor.netty.resources.LoopResources;
import reactor.netty.tcp.TcpClient;

/**
 * Scenario D: many telnet and WebSocket connections that do nothing, held on one gateway at once:
 * how many were accepted and greeted, and what they cost the gateway in heap (after a full GC, read
 * from its {@code /prometheus}) and resident memory. A WebSocket client says hello in the JSON
 * subprotocol, so each holds a resumable session, with the output it keeps.
 */
final class IdleConnections {

    private static final Logger LOG = LoggerFactory.getLogger(IdleConnections.class);

    /** The figures; bytes per connection are the growth over the gateway's figures before. */
    record Result(int requested, int accepted, int greeted, int held, double heldSeconds, long heapBefore,
                  long heapWith, long rssBefore, long rssWith, int webRequested, int webAccepted, int webGreeted,
                  int webHeld) {

        long heapPerConnection() {
            return held + webHeld == 0 ? 0 : (heapWith - heapBefore) / (held + webHeld);
        }

        long rssPerConnection() {
            return held + webHeld == 0 ? 0 : (rssWith - rssBefore) / (held + webHeld);
        }
    }

    private final int port;
    private final int webPort;
    private final long gatewayPid;
    private final URI metrics;

    /** @param webPort the gateway's web port (0: no WebSocket connections) */
    IdleConnections(int port, int webPort, long gatewayPid, URI metrics) {
        this.port = port;
        this.webPort = webPort;
        this.gatewayPid = gatewayPid;
        this.metrics = metrics;
    }

    Result run(int count, int webCount, Duration hold) throws Exception {
        long heapBefore = heapAfterGc();
        long rssBefore = rss();
        SourceAddresses sources = SourceAddresses.forTarget("127.0.0.1", count + webCount, 0);
        LoopResources loops = LoopResources.create("idle", 1, true);
        AtomicInteger greeted = new AtomicInteger();
        try {
            List<Connection> connections = Flux.range(0, count)
                    .flatMap(i -> {
                        TcpClient client = TcpClient.newConnection().host("127.0.0.1").port(port).runOn(loops)
                                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000);
                        if (!sources.all().isEmpty()) {
                            client = client.bindAddress(() -> sources.forPlayer(i));
                        }
                        return client.connect().map(c -> (Connection) c)
                                .doOnNext(c -> c.inbound().receive().take(1).subscribe(b -> greeted.incrementAndGet(), e -> { }))
                                .onErrorResume(e -> reactor.core.publisher.Mono.empty());
                    }, 200)
                    .collectList()
                    .block(Duration.ofMinutes(5));
            AtomicInteger webGreeted = new AtomicInteger();
            List<Connection> web = webPort <= 0 ? List.of() : Flux.range(0, webCount)
                    .flatMap(i -> webSocket(loops, sources, count + i, webGreeted), 200)
                    .collectList()
                    .block(Duration.ofMinutes(5));
            LOG.info("{} of {} idle telnet and {} of {} WebSocket connections accepted; holding them {} s",
                    connections.size(), count, web.size(), webCount, hold.toSeconds());
            long until = System.nanoTime() + hold.toNanos();
            while (System.nanoTime() < until) {
                TimeUnit.MILLISECONDS.sleep(Math.min(1000, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
            }
            int held = (int) connections.stream().filter(c -> c.channel().isActive()).count();
            int webHeld = (int) web.stream().filter(c -> c.channel().isActive()).count();
            long heapWith = heapAfterGc();
            long rssWith = rss();
            connections.forEach(Connection::dispose);
            web.forEach(Connection::dispose);
            return new Result(count, connections.size(), greeted.get(), held, hold.toNanos() / 1e9, heapBefore, heapWith,
                    rssBefore, rssWith, webCount, web.size(), webGreeted.get(), webHeld);
        } finally {
            // 20,000 connections take a while to close; the figures are taken already, so a slow close is no failure
            loops.disposeLater(Duration.ZERO, Duration.ofSeconds(20)).onErrorResume(e -> reactor.core.publisher.Mono.empty())
                    .block(Duration.ofSeconds(30));
        }
    }

    /** One WebSocket that says hello and then nothing; counted greeted when its session's first message comes. */
    private reactor.core.publisher.Mono<Connection> webSocket(LoopResources loops, SourceAddresses sources, int i,
            AtomicInteger greeted) {
        reactor.netty.http.client.HttpClient client = reactor.netty.http.client.HttpClient.newConnection()
                .runOn(loops).option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000);
        if (!sources.all().isEmpty()) {
            client = client.bindAddress(() -> sources.forPlayer(i));
        }
        reactor.core.publisher.Sinks.One<Connection> opened = reactor.core.publisher.Sinks.one();
        client.websocket(reactor.netty.http.client.WebsocketClientSpec.builder()
                        .protocols("v1.json.mud-backbone.org").build())
                .uri("ws://127.0.0.1:" + webPort + "/ws")
                .handle((in, out) -> {
                    in.withConnection(opened::tryEmitValue);
                    // counts the first message only; the inbound is never cancelled (that would close it)
                    java.util.concurrent.atomic.AtomicBoolean first = new java.util.concurrent.atomic.AtomicBoolean(true);
                    in.receive().subscribe(b -> {
                        if (first.getAndSet(false)) {
                            greeted.incrementAndGet();
                        }
                    }, e -> { });
                    return out.sendString(reactor.core.publisher.Mono.just("{\"type\":\"hello\"}"))
                            .then(reactor.core.publisher.Mono.never());
                })
                .subscribe(v -> { }, e -> opened.tryEmitEmpty());
        return opened.asMono().timeout(Duration.ofSeconds(30), reactor.core.publisher.Mono.empty());
    }

    /** The gateway's heap in use right after a full GC (jcmd), from its own metrics. */
    private long heapAfterGc() throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        new ProcessBuilder(jcmd.toString(), String.valueOf(gatewayPid), "GC.run").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(30, TimeUnit.SECONDS);
        String text = HttpClient.newHttpClient().send(HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return (long) text.lines()
                .filter(l -> l.startsWith("jvm_memory_used_bytes{") && l.contains("area=\"heap\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }

    /** The gateway's resident set, from /proc (0 where there is none). */
    private long rss() throws IOException {
        Path status = Path.of("/proc", String.valueOf(gatewayPid), "status");
        if (!Files.exists(status)) {
            return 0;
        }
        return Files.readAllLines(status).stream().filter(l -> l.startsWith("VmRSS:"))
                .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", "")) * 1024).findFirst().orElse(0);
    }
}
