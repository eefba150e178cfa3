package org.mudbackbone.gateway.limit;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes a connection whose client has stopped reading once the output waiting for it passes a
 * bound: without it, a client that never reads while its room is busy (or while it spams
 * {@code look}) grows the gateway's memory until every player on it is dropped. What waits is
 * Netty's own count of the bytes written and not yet taken by the socket.
 */
public final class SlowReaderGuard extends ChannelOutboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(SlowReaderGuard.class);

    private final long maxBacklog;
    private final Refusals refusals;
    private boolean closing;

    public SlowReaderGuard(long maxBacklog, Refusals refusals) {
        this.maxBacklog = maxBacklog;
        this.refusals = refusals;
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        ChannelOutboundBuffer pending = ctx.channel().unsafe().outboundBuffer();
        if (closing || (pending != null && pending.totalPendingWriteBytes() > maxBacklog)) {
            ReferenceCountUtil.release(msg);
            if (!promise.isVoid()) {
                promise.tryFailure(new IllegalStateException("the client is not reading"));
            }
            if (!closing) {
                closing = true;
                refusals.count("slow-reader");
                LOG.warn("{}: closed, the client read none of the last {} bytes of output", ctx.channel().remoteAddress(),
                        pending.totalPendingWriteBytes());
                ctx.close();
            }
            return;
        }
        super.write(ctx, msg, promise);
    }
}
