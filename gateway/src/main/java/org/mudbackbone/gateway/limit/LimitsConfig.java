package org.mudbackbone.gateway.limit;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * The limits every protocol keeps ({@code mud.gateway.limits.*}).
 *
 * @param maxConnections        connections held at once, all protocols (0: the process's open-file limit
 *                              less {@link ConnectionGuard#RESERVED_FILES}, so that health, metrics and Kafka always have files)
 * @param connectionsPerAddress connections held at once from one client address
 * @param acceptsPerSecond      new connections a second from one address, on average (a burst of
 *                              {@code connectionsPerAddress} passes)
 * @param linesPerSecond        typed lines a second per session, on average
 * @param lineBurst             lines that may come at once (an alias or a speedwalk); beyond the
 *                              rate the player is warned, and as many again refused in a row disconnects
 * @param oobPerSecond          GMCP messages and telnet option updates a second per session, on average
 * @param oobBurst              as many at once
 * @param maxOutputBacklogBytes output waiting for a client that does not read; beyond it the
 *                              connection is closed (its session is kept if it can be resumed)
 * @param loginSeconds          time from connecting to being logged in
 * @param hashesPerAddress      password hashes one address may have waiting or running at once
 */
@ConfigurationProperties("mud.gateway.limits")
public record LimitsConfig(
        @Bindable(defaultValue = "0") int maxConnections,
        @Bindable(defaultValue = "32") int connectionsPerAddress,
        @Bindable(defaultValue = "4") double acceptsPerSecond,
        @Bindable(defaultValue = "20") double linesPerSecond,
        @Bindable(defaultValue = "60") int lineBurst,
        @Bindable(defaultValue = "10") double oobPerSecond,
        @Bindable(defaultValue = "40") int oobBurst,
        @Bindable(defaultValue = "1048576") int maxOutputBacklogBytes,
        @Bindable(defaultValue = "120") int loginSeconds,
        @Bindable(defaultValue = "4") int hashesPerAddress) {

    /** The defaults, for tests and tools that build a gateway by hand. */
    public static final LimitsConfig DEFAULT = new LimitsConfig(0, 32, 4, 20, 60, 10, 40, 1 << 20, 120, 4);
}
