package org.mudbackbone.gateway.websocket;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds dead peers: a client that has sent nothing for a period is pinged (a browser answers with a
 * pong by itself, which counts as something sent), and one that is still silent a period later is
 * closed. A laptop that went to
 * sleep is noticed within two periods; its session then waits for it to resume.
 */
final class KeepAlive extends ChannelDuplexHandler {

    private static final Logger LOG = LoggerFactory.getLogger(KeepAlive.class);

    /** The idle timer to put in front of this handler. */
    static IdleStateHandler timer(int pingSeconds) {
        return new IdleStateHandler(pingSeconds, 0, 0, TimeUnit.SECONDS);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof IdleStateEvent idle && idle.state() == IdleState.READER_IDLE) {
            if (idle.isFirst()) {
                ctx.writeAndFlush(new PingWebSocketFrame());
            } else {
                LOG.info("WebSocket from {} closed: no answer to a ping", ctx.channel().remoteAddress());
                ctx.close();
            }
            return;
        }
        super.userEventTriggered(ctx, event);
    }
}
