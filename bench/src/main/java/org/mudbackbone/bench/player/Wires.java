package org.mudbackbone.bench.player;

import io.netty.channel.ChannelOption;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.mudbackbone.bench.LoadOptions;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;
import reactor.netty.tcp.TcpClient;

/** Makes each player's {@link Wire} for the chosen protocol, spread over the source addresses. */
public final class Wires {

    private final LoadOptions options;
    private final List<TcpClient> telnet = new ArrayList<>();
    private final List<HttpClient> http = new ArrayList<>();
    private final ConnectionProvider pool;

    public Wires(LoadOptions options, SourceAddresses sources, LoopResources loops) {
        this.options = options;
        // the HTTP API holds an event stream per player and posts lines beside it: two connections each
        this.pool = ConnectionProvider.builder("load").maxConnections(Math.max(16, options.players() * 2 + 16))
                .pendingAcquireTimeout(options.connectTimeout()).build();
        List<InetSocketAddress> addresses = sources.all().isEmpty() ? Collections.singletonList(null) : sources.all();
        int connectMillis = (int) options.connectTimeout().toMillis();
        for (InetSocketAddress address : addresses) {
            TcpClient t = TcpClient.newConnection().host(options.host()).port(options.port()).runOn(loops)
                    // a line must leave when it is written, not when an ACK or the next line comes (Nagle)
                    .option(ChannelOption.TCP_NODELAY, true)
                    // a connect that hangs must not hold a login slot for ever
                    .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectMillis);
            HttpClient h = (options.protocol() == LoadOptions.Protocol.HTTP ? HttpClient.create(pool)
                    : HttpClient.newConnection()).runOn(loops)
                    .option(ChannelOption.TCP_NODELAY, true)
                    .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectMillis)
                    .responseTimeout(Duration.ofSeconds(30).plus(options.drain()));
            telnet.add(address == null ? t : t.bindAddress(() -> address));
            http.add(address == null ? h : h.bindAddress(() -> address));
        }
    }

    /** Player {@code i}'s wire. */
    public Wire forPlayer(int i) {
        return switch (options.protocol()) {
            case TELNET -> new TelnetWire(telnet.get(i % telnet.size()));
            case WEBSOCKET -> new WebSocketWire(http.get(i % http.size()), options.target());
            case HTTP -> new HttpWire(http.get(i % http.size()), options.target());
        };
    }

    public void close() {
        pool.disposeLater().block(Duration.ofSeconds(5));
    }
}
