package org.mudbackbone.gateway;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * A gateway's settings ({@code mud.gateway.*}, or environment variables such as {@code MUD_GATEWAY_ID}).
 *
 * @param id               names this gateway and its output topic; unique among running gateways
 * @param bootstrapServers the Kafka cluster
 * @param namespace        the game's topic namespace (the same for its world and gateways)
 * @param host             the address the player-facing servers bind
 * @param telnetPort       telnet port (0: any free port)
 * @param maxLineBytes     the longest line a player may send
 * @param tlsPort          telnet over TLS (0: any free port; -1: none)
 * @param tlsCertificate   PEM certificate chain for the TLS port (empty: a self-signed one, for development)
 * @param tlsKey           PEM private key (PKCS#8) for the TLS port
 * @param negotiationMs    how long a telnet connection waits for the client's option answers
 * @param name             the game's name, for MSSP
 */
@ConfigurationProperties("mud.gateway")
public record GatewayConfig(
        @Bindable(defaultValue = "gw1") String id,
        @Bindable(defaultValue = "127.0.0.1:9092") String bootstrapServers,
        @Bindable(defaultValue = "mud") String namespace,
        @Bindable(defaultValue = "0.0.0.0") String host,
        @Bindable(defaultValue = "4000") int telnetPort,
        @Bindable(defaultValue = "2048") int maxLineBytes,
        @Bindable(defaultValue = "-1") int tlsPort,
        @Bindable(defaultValue = "") String tlsCertificate,
        @Bindable(defaultValue = "") String tlsKey,
        @Bindable(defaultValue = "1000") int negotiationMs,
        @Bindable(defaultValue = "MUD backbone") String name) {}
