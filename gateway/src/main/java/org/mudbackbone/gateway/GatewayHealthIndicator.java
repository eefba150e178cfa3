package org.mudbackbone.gateway;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.Map;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/** UP while the telnet port is open and the output for this gateway's sessions is being read. */
@Singleton
@Requires(beans = GatewayService.class)
public class GatewayHealthIndicator implements HealthIndicator {

    private final GatewayService gateway;

    public GatewayHealthIndicator(GatewayService gateway) {
        this.gateway = gateway;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        boolean up = gateway.healthy();
        return Mono.just(HealthResult.builder("gateway", up ? HealthStatus.UP : HealthStatus.DOWN)
                .details(Map.of("sessions", gateway.sessions().count(), "telnetPort", gateway.telnetPort()))
                .build());
    }
}
