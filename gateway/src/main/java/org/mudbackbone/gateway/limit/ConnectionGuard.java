package org.mudbackbone.gateway.limit;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.AttributeKey;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Function;
import org.mudbackbone.gateway.proxy.TrustedProxies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first handler of every connection on every port: refuses a connection beyond the gateway's
 * total, beyond the connections one address may hold, or arriving faster than one address may
 * connect. A refused client gets one line saying why (an HTTP 503 on the web ports, nothing on a
 * TLS port, which has not spoken TLS yet) and is closed. A trusted proxy's connections count
 * toward the total when they open, and toward their client's address once the PROXY header names
 * it ({@link #admitClient(io.netty.channel.Channel, String)}).
 */
@ChannelHandler.Sharable
public final class ConnectionGuard extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionGuard.class);
    /** Files kept free for what is not a player: the management port, Kafka, logs, jars. */
    public static final int RESERVED_FILES = 512;
    private static final AttributeKey<String> COUNTED = AttributeKey.valueOf("mud.counted-address");
    private static final AttributeKey<Function<String, ByteBuf>> REFUSAL = AttributeKey.valueOf("mud.refusal");
    /** The client address a proxied connection counts against, once its PROXY header is read. */
    private static final AttributeKey<String> CLIENT = AttributeKey.valueOf("mud.counted-client");
    /** An address with no connection and a full bucket this long is forgotten. */
    private static final long FORGET_NANOS = 60_000_000_000L;

    /** One address's connections and how fast it may make more. */
    private static final class Address {
        int open;
        final TokenBucket accepts;
        long lastSeen;

        Address(TokenBucket accepts, long now) {
            this.accepts = accepts;
            this.lastSeen = now;
        }
    }

    private final int maxConnections;
    private final int perAddress;
    private final double acceptsPerSecond;
    private final TrustedProxies proxies;
    private final Refusals refusals;
    private final Map<String, Address> addresses = new HashMap<>();
    private int open;
    private long nextSweep;

    public ConnectionGuard(LimitsConfig limits, TrustedProxies proxies, Refusals refusals) {
        this.maxConnections = limits.maxConnections() > 0 ? limits.maxConnections() : fromFileLimit();
        this.perAddress = limits.connectionsPerAddress();
        this.acceptsPerSecond = limits.acceptsPerSecond();
        this.proxies = proxies;
        this.refusals = refusals;
        LOG.info("at most {} connections, {} per address, {} new a second per address", maxConnections, perAddress,
                acceptsPerSecond);
    }

    /** The process's open-file limit less what the gateway needs for itself (unknown: 10,000). */
    static int fromFileLimit() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
            return (int) Math.max(16, Math.min(Integer.MAX_VALUE, unix.getMaxFileDescriptorCount() - RESERVED_FILES));
        }
        return 10_000;
    }

    public int maxConnections() {
        return maxConnections;
    }

    /** Connections held now. */
    public synchronized int open() {
        return open;
    }

    /**
     * Adds the guard first in {@code channel}'s pipeline.
     *
     * @param refusal what a refused client is told, from the reason (null: nothing, just closed)
     */
    public void guard(Channel channel, Function<String, ByteBuf> refusal) {
        channel.pipeline().addFirst("connection-guard", this);
        channel.attr(REFUSAL).set(refusal);
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        String address = ctx.channel().remoteAddress() instanceof InetSocketAddress inet
                ? inet.getAddress().getHostAddress() : String.valueOf(ctx.channel().remoteAddress());
        String refused = admit(address, proxies.trusts(ctx.channel().remoteAddress()), System.nanoTime());
        if (refused == null) {
            ctx.channel().attr(COUNTED).set(address);
            ctx.fireChannelActive();
            return;
        }
        counted(address, refused);
        refuse(ctx, refused);
    }

    /** Counts a refusal by its limit; logs the first and every 100th, not a flood's every one. */
    private void counted(String address, String refused) {
        String limit = "connections-" + refused.substring(0, refused.indexOf(':'));
        refusals.count(limit);
        if (refusals.acted(limit) % 100 == 1) {
            LOG.warn("connection from {} refused ({}); every 100th such refusal is logged", address, refused);
        }
    }

    /** Tells the client why (from this handler, under any codec) and closes. */
    private static void refuse(ChannelHandlerContext ctx, String refused) {
        Function<String, ByteBuf> refusal = ctx.channel().attr(REFUSAL).get();
        ByteBuf message = refusal == null ? null : refusal.apply(refused.substring(refused.indexOf(':') + 2));
        if (message == null) {
            ctx.close();
        } else {
            ctx.writeAndFlush(message).addListener(ChannelFutureListener.CLOSE);
        }
    }

    /**
     * A trusted proxy's connection turns out to be for {@code client} (its PROXY header): the
     * per-address limits apply to that address now. False if they refuse it: the client has been
     * told and the connection is closing.
     */
    public boolean admitClient(io.netty.channel.Channel channel, String client) {
        String refused = admitClient(client, System.nanoTime());
        if (refused == null) {
            channel.attr(CLIENT).set(client);
            return true;
        }
        counted(client, refused);
        ChannelHandlerContext ctx = channel.pipeline().context(this);
        if (ctx != null) {
            refuse(ctx, refused);
        } else {
            channel.close();
        }
        return false;
    }

    /** The per-address part of {@link #admit}; on its own for a client named by a trusted proxy. */
    synchronized String admitClient(String client, long now) {
        sweep(now);
        Address a = addresses.computeIfAbsent(client, k -> new Address(new TokenBucket(acceptsPerSecond, perAddress, now), now));
        a.lastSeen = now;
        if (a.open >= perAddress) {
            return "per-address: Too many connections from your address (at most " + perAddress + ").";
        }
        if (!a.accepts.take(now)) {
            return "accept-rate: Connecting too fast from your address; please wait a few seconds.";
        }
        a.open++;
        return null;
    }

    /** Null if the connection may stay, else {@code limit: what the client is told}. */
    synchronized String admit(String address, boolean trustedProxy, long now) {
        sweep(now);
        if (open >= maxConnections) {
            return "total: This game is full; please try again later.";
        }
        if (!trustedProxy) {
            String refused = admitClient(address, now);
            if (refused != null) {
                return refused;
            }
        }
        open++;
        return null;
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        String address = ctx.channel().attr(COUNTED).getAndSet(null);
        if (address != null) {
            release(address);
        }
        String client = ctx.channel().attr(CLIENT).getAndSet(null);
        if (client != null) {
            releaseClient(client);
        }
        ctx.fireChannelInactive(); // a refused connection too: whatever the server set up for it is let go
    }

    synchronized void release(String address) {
        open--;
        releaseClient(address);
    }

    synchronized void releaseClient(String client) {
        Address a = addresses.get(client);
        if (a != null) {
            a.open--;
            a.lastSeen = System.nanoTime();
        }
    }

    /** Forgets idle addresses now and then, so that the map holds about the addresses connected. */
    private void sweep(long now) {
        if (now < nextSweep) {
            return;
        }
        nextSweep = now + FORGET_NANOS / 4;
        for (Iterator<Address> it = addresses.values().iterator(); it.hasNext(); ) {
            Address a = it.next();
            if (a.open <= 0 && now - a.lastSeen > FORGET_NANOS) {
                it.remove();
            }
        }
    }
}
