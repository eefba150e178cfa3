package org.mudbackbone.systemtest;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URL;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.mudbackbone.broker.topic.Topics;
import org.mudbackbone.gateway.http.HttpApiProtocol;
import org.mudbackbone.gateway.telnet.TelnetProtocol;
import org.mudbackbone.gateway.websocket.WebSocketProtocol;

/**
 * A world and a gateway, each its own Micronaut context in this JVM, on a real broker. Each stack
 * gets its own gateway ID and world IDs, so stacks on a shared broker do not meet.
 */
final class Stack implements AutoCloseable {

    final String gatewayId;
    final Topics topics;
    private final String bootstrapServers;
    private final ApplicationContext world;
    private final EmbeddedServer gateway;

    private Stack(String gatewayId, Topics topics, ApplicationContext world, EmbeddedServer gateway,
            String bootstrapServers) {
        this.gatewayId = gatewayId;
        this.bootstrapServers = bootstrapServers;
        this.topics = topics;
        this.world = world;
        this.gateway = gateway;
    }

    /**
     * Every test client connects from loopback, dozens within a second: the per-address connection
     * limits would refuse them. A test of those limits sets its own.
     */
    static final Map<String, Object> LOOPBACK_CLIENTS = Map.of(
            "mud.gateway.limits.connections-per-address", 100_000,
            "mud.gateway.limits.accepts-per-second", 100_000,
            "mud.gateway.limits.hashes-per-address", 100_000);

    static Stack start(String bootstrapServers) {
        return start(bootstrapServers, Map.of());
    }

    /** @param gatewaySettings further gateway settings, such as a short resume window for one test */
    static Stack start(String bootstrapServers, Map<String, Object> gatewaySettings) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> worldProps = new HashMap<>(Map.of(
                "mud.gateway.enabled", false,
                "mud.world.bootstrap-servers", bootstrapServers,
                "mud.world.namespace", "test-" + run,
                "mud.world.transactional-id", "world-" + run,
                "mud.world.group-id", "world-" + run,
                "mud.world.instance-id", "",
                // cheap hashing: the tests log in many times; production uses the recommended costs
                "mud.world.hash-memory-kib", 64,
                "mud.world.hash-iterations", 1,
                "micronaut.server.port", -1));
        ApplicationContext world = ApplicationContext.run(worldProps);
        String gatewayId = "gw-" + run;
        Map<String, Object> gatewayProps = new HashMap<>(Map.of(
                "mud.world.enabled", false,
                "mud.gateway.id", gatewayId,
                "mud.gateway.bootstrap-servers", bootstrapServers,
                "mud.gateway.namespace", "test-" + run,
                "mud.gateway.host", "127.0.0.1",
                "mud.gateway.telnet.port", 0,
                "mud.gateway.telnet.tls-port", 0,
                "micronaut.server.port", -1,
                "endpoints.health.details-visible", "ANONYMOUS",
                "endpoints.prometheus.sensitive", false));
        gatewayProps.put("mud.gateway.websocket.port", 0);
        gatewayProps.put("mud.gateway.websocket.tls-port", 0);
        gatewayProps.put("mud.gateway.http.port", 0);
        gatewayProps.putAll(LOOPBACK_CLIENTS);
        gatewayProps.putAll(gatewaySettings);
        EmbeddedServer gateway = ApplicationContext.run(EmbeddedServer.class, gatewayProps);
        return new Stack(gatewayId, new Topics("test-" + run), world, gateway, bootstrapServers);
    }

    /** The game's topic namespace, for more gateways in the same game. */
    String namespace() {
        return topics.input().name().substring(0, topics.input().name().length() - ".input".length());
    }

    int telnetPort() {
        return gateway.getApplicationContext().getBean(TelnetProtocol.class).port();
    }

    int webPort() {
        return gateway.getApplicationContext().getBean(WebSocketProtocol.class).port();
    }

    int httpPort() {
        return gateway.getApplicationContext().getBean(HttpApiProtocol.class).port();
    }

    /** How many sessions the gateway holds. */
    int gatewaySessions() {
        return gateway.getApplicationContext().getBean(org.mudbackbone.gateway.GatewayService.class).sessions().count();
    }

    /** How many times a gateway limit acted ({@code mud.gateway.limit.refused{limit=...}}). */
    double refusedBy(String limit) {
        var counter = gateway.getApplicationContext().getBean(io.micrometer.core.instrument.MeterRegistry.class)
                .find("mud.gateway.limit.refused").tag("limit", limit).counter();
        return counter == null ? 0 : counter.count();
    }

    int webTlsPort() {
        return gateway.getApplicationContext().getBean(WebSocketProtocol.class).tlsPort();
    }

    int telnetTlsPort() {
        return gateway.getApplicationContext().getBean(TelnetProtocol.class).tlsPort();
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    URL gatewayManagement() {
        return gateway.getURL();
    }

    @Override
    public void close() {
        gateway.getApplicationContext().close();
        world.close();
    }
}
