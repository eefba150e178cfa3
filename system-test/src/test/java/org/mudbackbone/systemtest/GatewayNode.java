package org.mudbackbone.systemtest;

import io.micronaut.context.ApplicationContext;
import java.util.Map;
import org.mudbackbone.gateway.telnet.TelnetProtocol;
import org.mudbackbone.gateway.websocket.WebSocketProtocol;

/** A gateway in this JVM (its own Micronaut context), telnet on a free port. */
final class GatewayNode implements AutoCloseable {

    private final ApplicationContext context;

    GatewayNode(String bootstrapServers, String namespace, String gatewayId) {
        this(bootstrapServers, namespace, gatewayId, Map.of());
    }

    /** @param more further settings, such as a short resume window for one test */
    GatewayNode(String bootstrapServers, String namespace, String gatewayId, Map<String, Object> more) {
        Map<String, Object> settings = new java.util.HashMap<>(Map.of(
                "mud.world.enabled", false,
                "mud.gateway.id", gatewayId,
                "mud.gateway.bootstrap-servers", bootstrapServers,
                "mud.gateway.namespace", namespace,
                "mud.gateway.host", "127.0.0.1",
                "mud.gateway.telnet.port", 0,
                "mud.gateway.websocket.port", 0,
                "mud.gateway.http.port", 0,
                "mud.gateway.telnet.tls-port", -1,
                "micronaut.server.port", -1));
        settings.putAll(Stack.LOOPBACK_CLIENTS);
        settings.putAll(more);
        context = ApplicationContext.run(settings);
    }

    int telnetPort() {
        return context.getBean(TelnetProtocol.class).port();
    }

    /** Bytes this gateway's output reader has fetched from Kafka so far (the consumer's own figure). */
    double outputBytesRead() {
        return context.getBean(io.micrometer.core.instrument.MeterRegistry.class)
                .find("kafka.consumer.fetch.manager.bytes.consumed.total").meters().stream()
                .filter(m -> String.valueOf(m.getId().getTag("client.id")).endsWith("-output"))
                .filter(m -> m.getId().getTag("topic") == null)
                .mapToDouble(m -> m.measure().iterator().next().getValue()).sum();
    }

    int webPort() {
        return context.getBean(WebSocketProtocol.class).port();
    }

    @Override
    public void close() {
        context.close();
    }
}
