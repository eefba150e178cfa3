package org.mudbackbone.gateway;

import io.micronaut.context.annotation.Requires;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * UP while the output for this gateway's sessions is being read and every protocol's ports are
 * open; the details give each protocol's own state.
 */
@Singleton
@Requires(beans = GatewayService.class)
public class GatewayHealthIndicator implements HealthIndicator {

    private final GatewayService gateway;

    public GatewayHealthIndicator(GatewayService gateway) {
        this.gateway = gateway;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        boolean up = gateway.readingOutput();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("sessions", gateway.sessions().count());
        details.put("readingOutput", gateway.readingOutput());
        for (ProtocolServer protocol : gateway.protocols()) {
            Map<String, Object> state = new LinkedHashMap<>(protocol.details());
            state.put("up", protocol.healthy());
            details.put(protocol.name(), state);
            up &= protocol.healthy();
        }
        return Mono.just(HealthResult.builder("gateway", up ? HealthStatus.UP : HealthStatus.DOWN)
                .details(details).build());
    }
}
