package org.mudbackbone.gateway;

import org.mudbackbone.gateway.limit.ConnectionGuard;
import org.mudbackbone.gateway.limit.LimitsConfig;
import org.mudbackbone.gateway.limit.Refusals;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.netty.handler.ssl.SslContext;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.mudbackbone.broker.topic.TopicProvisioner;
import org.mudbackbone.broker.topic.TopicSettings;
import org.mudbackbone.broker.topic.Topics;
import org.mudbackbone.gateway.proxy.ProxyConfig;
import org.mudbackbone.gateway.proxy.TrustedProxies;
import org.mudbackbone.gateway.session.GatewayHeartbeat;
import org.mudbackbone.gateway.session.InputPublisher;
import org.mudbackbone.gateway.session.OutputDispatcher;
import org.mudbackbone.gateway.session.OutputTopicSearch;
import org.mudbackbone.gateway.session.SecretHasher;
import org.mudbackbone.gateway.session.SessionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's lifecycle: provision its topics, start reading its output, then open every
 * protocol's ports; on shutdown, close the ports first and let what players typed reach Kafka.
 */
@Context
@Requires(property = "mud.gateway.enabled", notEquals = "false")
public class GatewayService {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayService.class);

    private final GatewayConfig config;
    private final MeterRegistry meters;
    private final List<ProtocolServer> protocols;
    private SecretHasher hasher;
    private InputPublisher publisher;
    private SessionManager sessions;
    private OutputDispatcher dispatcher;
    private GatewayHeartbeat heartbeat;
    private final long startedAt = System.currentTimeMillis();

    private final TrustedProxies proxies;
    private final LimitsConfig limits;

    public GatewayService(GatewayConfig config, ProxyConfig proxy, LimitsConfig limits, MeterRegistry meters,
            List<ProtocolServer> protocols) {
        this.config = config;
        this.limits = limits;
        this.proxies = new TrustedProxies(proxy.enabled(), proxy.trusted());
        this.meters = meters;
        this.protocols = List.copyOf(protocols);
    }

    @PostConstruct
    void start() throws InterruptedException {
        LOG.info("gateway {} starting against Kafka at {}", config.id(), config.bootstrapServers());
        Topics topics = new Topics(config.namespace());
        new TopicProvisioner(config.bootstrapServers(), TopicSettings.fromEnvironment())
                .ensure(List.of(topics.input(), topics.worldStatus(), topics.output(config.id())));
        hasher = new SecretHasher(limits.hashesPerAddress());
        publisher = new InputPublisher(config.bootstrapServers(), topics, config.id(), meters);
        Refusals refusals = new Refusals(meters);
        sessions = new SessionManager(config.id(), publisher, hasher, meters, config.resumeWindowSeconds() * 1000L,
                new OutputTopicSearch(config.bootstrapServers(), topics, config.id()), limits, refusals);
        dispatcher = new OutputDispatcher(config.bootstrapServers(), topics, config.id(), sessions, meters);
        dispatcher.start();
        heartbeat = new GatewayHeartbeat(publisher, config.id());
        heartbeat.start(); // before the ports open: the world hears of a restart before the new sessions
        GatewayContext context = new GatewayContext(sessions, config.host(), config.name(), startedAt,
                config.maxLineBytes(), tls(), proxies, new ConnectionGuard(limits, proxies, refusals), limits, refusals);
        protocols.forEach(protocol -> protocol.start(context));
        Gauge.builder("mud.gateway.sessions", sessions, SessionManager::count)
                .description("sessions held by this gateway").register(meters);
        LOG.info("gateway {} ready: {}", config.id(), protocols.stream()
                .map(p -> p.name() + " " + p.details()).collect(Collectors.joining(", ")));
    }

    /** The one certificate every TLS port shares, made the first time a port asks for it. */
    private Supplier<SslContext> tls() {
        SslContext[] made = new SslContext[1];
        return () -> {
            synchronized (made) {
                if (made[0] == null) {
                    made[0] = TlsContexts.forServer(config);
                }
                return made[0];
            }
        };
    }

    public SessionManager sessions() {
        return sessions;
    }

    /** The protocols this gateway serves. */
    public List<ProtocolServer> protocols() {
        return protocols;
    }

    /** Whether the output for this gateway's sessions is being read. */
    boolean readingOutput() {
        return dispatcher != null && dispatcher.running();
    }

    @PreDestroy
    void stop() throws InterruptedException {
        LOG.info("gateway {} stopping: {} sessions", config.id(), sessions == null ? 0 : sessions.count());
        if (sessions != null) {
            sessions.shutdown(); // before the ports close: a client told to reconnect resumes elsewhere
        }
        protocols.forEach(ProtocolServer::stop);
        if (heartbeat != null) {
            heartbeat.close();
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
