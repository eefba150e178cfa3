package org.mudbackbone.gateway;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import reactor.netty.DisposableServer;

/** A protocol's bound servers: a plain port and, when configured, one over TLS. */
public record BoundPorts(DisposableServer plain, DisposableServer tls) {

    /** The bound plain port (useful when configured as 0). */
    public int port() {
        return ((InetSocketAddress) plain.address()).getPort();
    }

    /** The bound TLS port, or -1. */
    public int tlsPort() {
        return tls == null ? -1 : ((InetSocketAddress) tls.address()).getPort();
    }

    public boolean open() {
        return !plain.isDisposed() && (tls == null || !tls.isDisposed());
    }

    public Map<String, Object> details() {
        return Map.of("port", port(), "tlsPort", tlsPort());
    }

    /** Closes both, waiting a few seconds for what is in flight. */
    public void close() {
        plain.disposeNow(Duration.ofSeconds(5));
        if (tls != null) {
            tls.disposeNow(Duration.ofSeconds(5));
        }
    }
}
