package org.mudbackbone.gateway;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * A gateway's settings shared by its protocols ({@code mud.gateway.*}, or environment variables
 * such as {@code MUD_GATEWAY_ID}); each protocol has its own nested ones ({@code mud.gateway.telnet.*},
 * {@code mud.gateway.websocket.*}).
 *
 * @param id               names this gateway and its output topic; unique among running gateways
 * @param bootstrapServers the Kafka cluster
 * @param namespace        the game's topic namespace (the same for its world and gateways)
 * @param host             the address the player-facing servers bind
 * @param maxLineBytes     the longest line a player may send, on any protocol
 * @param tlsCertificate   PEM certificate chain for every TLS port (empty: a self-signed one, for development)
 * @param tlsKey           PEM private key (PKCS#8) for every TLS port
 * @param name             the game's name, for MSSP and the web client's title
 * @param resumeWindowSeconds how long a session whose client lost its connection waits for it to
 *                         come back (WebSocket, HTTP); telnet sessions end with their connection
 */
@ConfigurationProperties("mud.gateway")
public record GatewayConfig(
        @Bindable(defaultValue = "gw1") String id,
        @Bindable(defaultValue = "127.0.0.1:9092") String bootstrapServers,
        @Bindable(defaultValue = "mud") String namespace,
        @Bindable(defaultValue = "0.0.0.0") String host,
        @Bindable(defaultValue = "2048") int maxLineBytes,
        @Bindable(defaultValue = "") String tlsCertificate,
        @Bindable(defaultValue = "") String tlsKey,
        @Bindable(defaultValue = "MUD backbone") String name,
        @Bindable(defaultValue = "600") int resumeWindowSeconds) {}
