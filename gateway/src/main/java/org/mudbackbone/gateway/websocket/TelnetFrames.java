package org.mudbackbone.gateway.websocket;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageCodec;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import java.util.List;

/**
 * {@code telnet.mudstandards.org}: the telnet stream in binary frames. Inbound frames become bytes
 * for the telnet decoder, and the telnet code's bytes become frames, so every telnet option works
 * over a WebSocket exactly as on the telnet port. Frame boundaries mean nothing to telnet.
 */
final class TelnetFrames extends MessageToMessageCodec<BinaryWebSocketFrame, ByteBuf> {

    @Override
    protected void encode(ChannelHandlerContext ctx, ByteBuf bytes, List<Object> out) {
        out.add(new BinaryWebSocketFrame(bytes.retain()));
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, BinaryWebSocketFrame frame, List<Object> out) {
        out.add(frame.content().retain());
    }
}
