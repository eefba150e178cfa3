package org.mudbackbone.world;

import io.micronaut.runtime.Micronaut;

/** Starts a world: the game loop on Kafka, health and metrics on the management port. */
public final class WorldApplication {

    private WorldApplication() {}

    public static void main(String[] args) {
        Micronaut.run(WorldApplication.class, args);
    }
}
