package org.mudbackbone.gateway.telnet;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import java.nio.charset.StandardCharsets;

/**
 * Tells the player a line was too long and was dropped, and keeps the session: the line framer
 * has already skipped to the next line end.
 */
final class LineLimitGuard extends ChannelInboundHandlerAdapter {

    private final int maxLineBytes;

    LineLimitGuard(int maxLineBytes) {
        this.maxLineBytes = maxLineBytes;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof TooLongFrameException) {
            ctx.writeAndFlush(Unpooled.copiedBuffer(
                    "Line too long (the limit is " + maxLineBytes + " bytes); it was not sent.\r\n",
                    StandardCharsets.UTF_8));
            return;
        }
        ctx.fireExceptionCaught(cause);
    }
}
