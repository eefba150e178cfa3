package org.mudbackbone.gateway.http;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * The HTTP session API's settings ({@code mud.gateway.http.*}).
 *
 * @param enabled          whether this gateway serves the API at all
 * @param port             the API, under {@code /api/v1} (0: any free port)
 * @param tlsPort          the same over HTTPS with the gateway's certificate (0: any free port; -1: none)
 * @param idleSeconds      a session nobody has asked anything of for this long is closed
 * @param maxWaitSeconds   the longest a read of output waits for some (long-poll)
 * @param heartbeatSeconds how often an event stream with nothing to say sends a comment, so that
 *                         proxies keep it open
 * @param linesPerSecond   lines (and secrets) a session may send per second, on average; a burst
 *                         of twice as many is allowed, more gets 429
 */
@ConfigurationProperties("mud.gateway.http")
public record HttpApiConfig(
        @Bindable(defaultValue = "true") boolean enabled,
        @Bindable(defaultValue = "4090") int port,
        @Bindable(defaultValue = "-1") int tlsPort,
        @Bindable(defaultValue = "600") int idleSeconds,
        @Bindable(defaultValue = "30") int maxWaitSeconds,
        @Bindable(defaultValue = "15") int heartbeatSeconds,
        @Bindable(defaultValue = "10") int linesPerSecond) {}
