package org.mudbackbone.gateway.telnet;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * The telnet protocol's settings ({@code mud.gateway.telnet.*}).
 *
 * @param enabled       whether this gateway serves telnet at all
 * @param port          telnet port (0: any free port)
 * @param tlsPort       telnet over TLS (0: any free port; -1: none)
 * @param negotiationMs how long a connection waits for the client's option answers
 */
@ConfigurationProperties("mud.gateway.telnet")
public record TelnetConfig(
        @Bindable(defaultValue = "true") boolean enabled,
        @Bindable(defaultValue = "4000") int port,
        @Bindable(defaultValue = "-1") int tlsPort,
        @Bindable(defaultValue = "1000") int negotiationMs) {}
