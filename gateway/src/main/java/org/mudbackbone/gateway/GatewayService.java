package org.mudbackbone.gateway;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mudbackbone.broker.topic.TopicProvisioner;
import org.mudbackbone.broker.topic.TopicSettings;
import org.mudbackbone.broker.topic.Topics;
import org.mudbackbone.gateway.session.InputPublisher;
import org.mudbackbone.gateway.session.OutputDispatcher;
import org.mudbackbone.gateway.session.SecretHasher;
import org.mudbackbone.gateway.session.SessionManager;
import org.mudbackbone.gateway.telnet.TelnetServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.netty.DisposableServer;

/**
 * The gateway's lifecycle: provision its topics, start reading its output, then open the player
 * ports; on shutdown, close the ports first and let what players typed reach Kafka.
 */
@Context
@Requires(property = "mud.gateway.enabled", notEquals = "false")
public class GatewayService {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayService.class);

    private final GatewayConfig config;
    private final MeterRegistry meters;
    private SecretHasher hasher;
    private InputPublisher publisher;
    private SessionManager sessions;
    private OutputDispatcher dispatcher;
    private DisposableServer telnet;
    private DisposableServer telnetTls;
    private final long startedAt = System.currentTimeMillis();

    public GatewayService(GatewayConfig config, MeterRegistry meters) {
        this.config = config;
        this.meters = meters;
    }

    @PostConstruct
    void start() throws InterruptedException {
        LOG.info("gateway {} starting against Kafka at {}", config.id(), config.bootstrapServers());
        Topics topics = new Topics(config.namespace());
        new TopicProvisioner(config.bootstrapServers(), TopicSettings.fromEnvironment())
                .ensure(List.of(topics.input(), topics.worldStatus(), topics.output(config.id())));
        hasher = new SecretHasher();
        publisher = new InputPublisher(config.bootstrapServers(), topics, config.id(), meters);
        sessions = new SessionManager(config.id(), publisher, hasher, meters);
        dispatcher = new OutputDispatcher(config.bootstrapServers(), topics, config.id(), sessions, meters);
        dispatcher.start();
        telnet = TelnetServer.bind(telnetSettings(config.telnetPort(), null), sessions);
        if (config.tlsPort() >= 0) {
            telnetTls = TelnetServer.bind(telnetSettings(config.tlsPort(), TlsContexts.forServer(config)), sessions);
        }
        Gauge.builder("mud.gateway.sessions", sessions, SessionManager::count)
                .description("sessions connected to this gateway").register(meters);
        LOG.info("gateway {} ready: telnet on port {}{}", config.id(), telnetPort(),
                telnetTls == null ? "" : ", telnet over TLS on port " + telnetTlsPort());
    }

    private TelnetServer.Settings telnetSettings(int port, io.netty.handler.ssl.SslContext tls) {
        return new TelnetServer.Settings(config.host(), port, config.maxLineBytes(),
                Duration.ofMillis(config.negotiationMs()), this::msspFigures, tls);
    }

    /** Live figures for MSSP crawlers. */
    private Map<String, String> msspFigures() {
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("NAME", config.name());
        figures.put("PLAYERS", Integer.toString(sessions.presence().players()));
        figures.put("UPTIME", Long.toString(startedAt / 1000));
        figures.put("CODEBASE", "MUD backbone");
        figures.put("PORT", Integer.toString(telnetPort()));
        if (telnetTls != null) {
            figures.put("SSL", Integer.toString(telnetTlsPort()));
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

    /** The bound telnet port (useful when configured as 0). */
    public int telnetPort() {
        return ((InetSocketAddress) telnet.address()).getPort();
    }

    /** The bound TLS telnet port, or -1. */
    public int telnetTlsPort() {
        return telnetTls == null ? -1 : ((InetSocketAddress) telnetTls.address()).getPort();
    }

    public SessionManager sessions() {
        return sessions;
    }

    boolean healthy() {
        return telnet != null && !telnet.isDisposed() && dispatcher.running();
    }

    @PreDestroy
    void stop() throws InterruptedException {
        LOG.info("gateway {} stopping: {} sessions", config.id(), sessions == null ? 0 : sessions.count());
        for (DisposableServer server : new DisposableServer[] {telnet, telnetTls}) {
            if (server != null) {
                server.disposeNow(Duration.ofSeconds(5));
            }
        }
        if (sessions != null) {
            sessions.sessions().forEach(s -> sessions.close(s, "gateway shutting down"));
        }
        if (dispatcher != null) {
            dispatcher.close();
        }
        if (publisher != null) {
            publisher.close();
        }
        if (hasher != null) {
            hasher.close();
        }
        LOG.info("gateway {} stopped", config.id());
    }
}
