package org.mudbackbone.gateway.proxy;

import java.util.function.BiPredicate;
import io.netty.util.ReferenceCountUtil;
import io.netty.channel.Channel;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.haproxy.HAProxyMessage;
import io.netty.handler.codec.haproxy.HAProxyMessageDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * First in every listener's pipeline when the PROXY protocol is on. It looks at the first bytes
 * only: a PROXY header (v1 {@code PROXY ...} or the v2 signature) from a trusted proxy is handed to
 * Netty's {@link HAProxyMessageDecoder} and its source becomes the connection's {@link RealAddress};
 * one from anyone else closes the connection (logged), since it would let a client choose its own
 * address; anything else is a direct client and passes untouched. Deciding needs at most the
 * header's signature, so a client that types one short line is never held up.
 */
public final class ProxyProtocolGate extends ByteToMessageDecoder {

    private static final Logger LOG = LoggerFactory.getLogger(ProxyProtocolGate.class);
    private static final byte[] V1 = "PROXY ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] V2 = {0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A};

    private final TrustedProxies trusted;
    private final BiPredicate<Channel, String> admitClient;

    public ProxyProtocolGate(TrustedProxies trusted) {
        this(trusted, (channel, client) -> true);
    }

    /**
     * @param admitClient told each client a trusted proxy names; false if that client may not
     *                    connect (it has been told why and its connection is closing)
     */
    public ProxyProtocolGate(TrustedProxies trusted, BiPredicate<Channel, String> admitClient) {
        this.trusted = trusted;
        this.admitClient = admitClient;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        boolean v1 = startsWith(in, V1);
        boolean v2 = startsWith(in, V2);
        if (!v1 && !v2) {
            ctx.pipeline().remove(this); // a direct client: what was read goes on as it came
            return;
        }
        if (in.readableBytes() < (v1 ? V1.length : V2.length)) {
            return; // the signature so far: wait for the rest of it
        }
        if (!trusted.trusts(ctx.channel().remoteAddress())) {
            LOG.warn("connection from {} closed: it sent a PROXY header but is not a trusted proxy",
                    RealAddress.text(ctx.channel().remoteAddress()));
            in.skipBytes(in.readableBytes());
            ctx.close();
            return;
        }
        String name = ctx.name();
        ctx.pipeline().addAfter(name, "proxy-protocol", new HAProxyMessageDecoder());
        ctx.pipeline().addAfter("proxy-protocol", "proxy-address", new SourceAddress(admitClient));
        ctx.pipeline().remove(this);
    }

    /** Whether the readable bytes so far agree with {@code signature} (as far as they go). */
    private static boolean startsWith(ByteBuf in, byte[] signature) {
        int n = Math.min(in.readableBytes(), signature.length);
        for (int i = 0; i < n; i++) {
            if (in.getByte(in.readerIndex() + i) != signature[i]) {
                return false;
            }
        }
        return true;
    }

    /** Takes the decoded header's source address, then steps aside. */
    private static final class SourceAddress extends ChannelInboundHandlerAdapter {
        private final BiPredicate<Channel, String> admitClient;
        private boolean refused;

        SourceAddress(BiPredicate<Channel, String> admitClient) {
            this.admitClient = admitClient;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (refused) {
                ReferenceCountUtil.release(msg); // what a refused client sent after its header goes nowhere
                return;
            }
            if (msg instanceof HAProxyMessage header) {
                try {
                    if (header.sourceAddress() != null) {
                        RealAddress.set(ctx.channel(), header.sourceAddress());
                        LOG.info("connection from proxy {} is for client {}", RealAddress.text(ctx.channel().remoteAddress()),
                                header.sourceAddress());
                        refused = !admitClient.test(ctx.channel(), header.sourceAddress());
                    }
                } finally {
                    header.release();
                }
                if (!refused) {
                    ctx.pipeline().remove(this);
                }
                return;
            }
            ctx.fireChannelRead(msg);
        }
    }
}
