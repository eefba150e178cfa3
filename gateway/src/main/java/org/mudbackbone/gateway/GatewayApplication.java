package org.mudbackbone.gateway;

import io.micronaut.runtime.Micronaut;

/** Starts a gateway: telnet for players, health and metrics on the management port. */
public final class GatewayApplication {

    private GatewayApplication() {}

    public static void main(String[] args) {
        Micronaut.run(GatewayApplication.class, args);
    }
}
