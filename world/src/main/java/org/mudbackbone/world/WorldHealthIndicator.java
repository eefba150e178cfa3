package org.mudbackbone.world;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.Map;
import org.reactivestreams.Publisher;
import io.micronaut.core.async.publisher.Publishers;

/** UP while the world loop is reading input. */
@Singleton
@Requires(beans = WorldService.class)
public class WorldHealthIndicator implements HealthIndicator {

    private final WorldService world;

    public WorldHealthIndicator(WorldService world) {
        this.world = world;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return Publishers.just(HealthResult.builder("world", world.healthy() ? HealthStatus.UP : HealthStatus.DOWN)
                .details(Map.of("instance", world.instance(), "role", world.role(), "warm", world.warm(),
                        "objects", world.objects()))
                .build());
    }
}
