package org.mudbackbone.gateway.telnet;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.mudbackbone.gateway.render.AnsiRenderer;
import org.mudbackbone.gateway.session.SessionConnection;

/** A session's output as telnet: ANSI text, CR LF line ends, IAC doubled, prompts marked with GA. */
final class TelnetConnection implements SessionConnection {

    private final Channel channel;
    private final TelnetDecoder decoder;

    TelnetConnection(Channel channel, TelnetDecoder decoder) {
        this.channel = channel;
        this.decoder = decoder;
    }

    @Override
    public void text(String markup) {
        channel.writeAndFlush(encode(AnsiRenderer.render(markup, true) + "\n", false));
    }

    @Override
    public void prompt(String markup) {
        channel.writeAndFlush(encode(AnsiRenderer.render(markup, true), true));
    }

    @Override
    public void oob(String pkg, String json) {
        // GMCP comes with the full option set; a client without it has nothing to show
    }

    @Override
    public void hideInput(boolean hidden) {
        channel.eventLoop().execute(() -> {
            decoder.hideInput(channel, hidden);
            if (!hidden) {
                // the client echoed nothing, not even the line end
                channel.writeAndFlush(Unpooled.wrappedBuffer(new byte[] {'\r', '\n'}));
            }
        });
    }

    @Override
    public void close(String markup) {
        channel.writeAndFlush(encode(AnsiRenderer.render(markup, true) + "\n", false))
                .addListener(ChannelFutureListener.CLOSE);
    }

    static ByteBuf encode(String text, boolean goAhead) {
        byte[] bytes = text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + 4);
        for (byte b : bytes) {
            out.write(b);
            if ((b & 0xff) == Telnet.IAC) {
                out.write(b); // a data byte 255 is sent as IAC IAC
            }
        }
        if (goAhead) {
            out.write(Telnet.IAC);
            out.write(Telnet.GA);
        }
        return Unpooled.wrappedBuffer(out.toByteArray());
    }
}
