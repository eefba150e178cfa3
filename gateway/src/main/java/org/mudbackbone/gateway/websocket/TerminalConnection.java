package org.mudbackbone.gateway.websocket;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import java.nio.charset.StandardCharsets;
import org.mudbackbone.gateway.render.AnsiRenderer;
import org.mudbackbone.gateway.render.ColourDepth;
import org.mudbackbone.gateway.session.SessionConnection;

/**
 * A session's output for {@code terminal.mudstandards.org} and {@code gmcp.mudstandards.org}: text
 * as UTF-8 with ANSI colour (true colour unless the player chose fewer) and CR LF line ends in
 * binary frames; with GMCP, out-of-band data as {@code Package.Name json} in text frames.
 */
final class TerminalConnection implements SessionConnection {

    private final Channel channel;
    private final boolean gmcp;
    private volatile ColourDepth depth = ColourDepth.TRUECOLOR;

    TerminalConnection(Channel channel, boolean gmcp) {
        this.channel = channel;
        this.gmcp = gmcp;
    }

    @Override
    public void text(String markup) {
        send(AnsiRenderer.render(markup, depth) + "\n");
    }

    @Override
    public void prompt(String markup) {
        send(AnsiRenderer.render(markup, depth));
    }

    @Override
    public void oob(String pkg, String json) {
        if (gmcp) {
            channel.writeAndFlush(new TextWebSocketFrame(pkg + " " + json));
        }
    }

    @Override
    public void hideInput(boolean hidden) {
        // a terminal stream has no way to say so: the password prompt is the only hint
    }

    @Override
    public void colours(Integer colours) {
        depth = colours == null ? ColourDepth.TRUECOLOR : ColourDepth.of(colours);
    }

    @Override
    public void close(String markup) {
        send(AnsiRenderer.render(markup, depth) + "\n");
        channel.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.NORMAL_CLOSURE))
                .addListener(ChannelFutureListener.CLOSE);
    }

    private void send(String text) {
        byte[] bytes = text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        channel.writeAndFlush(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(bytes)));
    }
}
