package org.mudbackbone.gateway.proxy;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/**
 * A connection's real client address: the one a trusted proxy gave (PROXY header, forwarding header,
 * NEW-ENVIRON), else the peer's own.
 */
public final class RealAddress {

    static final AttributeKey<String> KEY = AttributeKey.valueOf("mud.real-address");

    private RealAddress() {}

    public static String of(Channel channel) {
        String told = channel.attr(KEY).get();
        return told != null ? told : text(channel.remoteAddress());
    }

    /** A trusted proxy says the client is at {@code address}. */
    public static void set(Channel channel, String address) {
        channel.attr(KEY).set(address);
    }

    /**
     * The client of an HTTP request: as {@link #of(Channel)}, or, when the peer is a trusted proxy,
     * the last address it put in {@code X-Forwarded-For} or {@code Forwarded: for=} (the one it saw;
     * earlier entries are the client's own word and are not taken).
     */
    public static String of(reactor.netty.http.server.HttpServerRequest request, TrustedProxies proxies) {
        Channel[] channel = new Channel[1];
        request.withConnection(c -> channel[0] = c.channel());
        String address = of(channel[0]);
        if (channel[0].attr(KEY).get() != null || !proxies.trusts(channel[0].remoteAddress())) {
            return address;
        }
        String forwardedFor = request.requestHeaders().get("X-Forwarded-For");
        if (forwardedFor != null && !forwardedFor.isBlank()) {
            String[] hops = forwardedFor.split(",");
            return hops[hops.length - 1].trim();
        }
        String forwarded = request.requestHeaders().get("Forwarded");
        if (forwarded != null) {
            String last = null;
            for (String element : forwarded.split("[,;]")) {
                String pair = element.trim();
                if (pair.regionMatches(true, 0, "for=", 0, 4)) {
                    last = pair.substring(4).replace("\"", "").replaceAll("^\\[|\\](:\\d+)?$", "");
                }
            }
            if (last != null && !last.isEmpty()) {
                return last;
            }
        }
        return address;
    }

    public static String text(SocketAddress address) {
        return address instanceof InetSocketAddress inet && inet.getAddress() != null
                ? inet.getAddress().getHostAddress() : String.valueOf(address);
    }
}
