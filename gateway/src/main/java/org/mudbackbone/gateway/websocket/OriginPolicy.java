package org.mudbackbone.gateway.websocket;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which pages may open a WebSocket here. A browser sends the page's origin with every WebSocket
 * handshake and lets any page connect anywhere, so without this check any site a player visits could
 * play as them. Allowed: the gateway's own page (the origin's host and port are the {@code Host} the
 * handshake was sent to), the configured origins, and clients that send no origin (not browsers).
 */
final class OriginPolicy {

    private final Set<String> allowed;

    OriginPolicy(List<String> allowedOrigins) {
        this.allowed = allowedOrigins.stream().map(String::trim).filter(o -> !o.isEmpty())
                .map(o -> o.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    boolean allows(String origin, String host) {
        if (origin == null) {
            return true;
        }
        String normalized = origin.trim().toLowerCase(Locale.ROOT);
        if (allowed.contains(normalized)) {
            return true;
        }
        try {
            URI uri = URI.create(normalized);
            String authority = uri.getRawAuthority();
            return host != null && authority != null && authority.equals(host.trim().toLowerCase(Locale.ROOT))
                    && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
