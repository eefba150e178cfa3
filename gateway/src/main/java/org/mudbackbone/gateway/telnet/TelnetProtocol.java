package org.mudbackbone.gateway.telnet;

import io.micronaut.context.annotation.Requires;
import io.netty.handler.ssl.SslContext;
import jakarta.inject.Singleton;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mudbackbone.gateway.BoundPorts;
import org.mudbackbone.gateway.GatewayContext;
import org.mudbackbone.gateway.ProtocolServer;
import reactor.netty.DisposableServer;

/** Telnet for MUD clients: a plain port and, when configured, one over TLS. */
@Singleton
@Requires(property = "mud.gateway.telnet.enabled", notEquals = "false")
public final class TelnetProtocol implements ProtocolServer {

    private final TelnetConfig config;
    private GatewayContext gateway;
    private BoundPorts ports;

    public TelnetProtocol(TelnetConfig config) {
        this.config = config;
    }

    @Override
    public String name() {
        return "telnet";
    }

    @Override
    public void start(GatewayContext gateway) {
        this.gateway = gateway;
        DisposableServer plain = TelnetServer.bind(settings(config.port(), null), gateway.sessions());
        DisposableServer tls = config.tlsPort() < 0 ? null
                : TelnetServer.bind(settings(config.tlsPort(), gateway.tls().get()), gateway.sessions());
        ports = new BoundPorts(plain, tls);
    }

    private TelnetServer.Settings settings(int port, SslContext context) {
        return new TelnetServer.Settings(gateway.host(), port, gateway.maxLineBytes(),
                Duration.ofMillis(config.negotiationMs()), this::msspFigures, context, gateway.proxies(),
                // a refused client is told why in a line of text, unless the port speaks TLS
                channel -> gateway.prepare(channel, context != null ? null : reason -> io.netty.buffer.Unpooled.copiedBuffer(
                        reason + "\r\n", java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** Live figures for MSSP crawlers. */
    private Map<String, String> msspFigures() {
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("NAME", gateway.gameName());
        figures.put("PLAYERS", Integer.toString(gateway.sessions().presence().players()));
        figures.put("UPTIME", Long.toString(gateway.startedAt() / 1000));
        figures.put("CODEBASE", "MUD backbone");
        figures.put("PORT", Integer.toString(port()));
        if (tlsPort() >= 0) {
            figures.put("SSL", Integer.toString(tlsPort()));
        }
        figures.put("CRAWL DELAY", "-1");
        figures.put("ANSI", "1");
        figures.put("UTF-8", "1");
        figures.put("XTERM 256 COLORS", "1");
        figures.put("XTERM TRUE COLORS", "1");
        figures.put("GMCP", "1");
        figures.put("MCCP", "1");
        return figures;
    }

    @Override
    public BoundPorts ports() {
        return ports;
    }
}
