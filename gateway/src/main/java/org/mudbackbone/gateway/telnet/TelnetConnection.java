package org.mudbackbone.gateway.telnet;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.mudbackbone.gateway.render.AnsiRenderer;
import org.mudbackbone.gateway.render.Ascii;
import org.mudbackbone.gateway.render.WordWrap;
import org.mudbackbone.gateway.session.SessionConnection;

/**
 * A session's output as telnet, shaped by what the client negotiated: ANSI at its colour depth,
 * wrapped at its width, UTF-8 or ASCII, CR LF line ends, IAC doubled, prompts marked with EOR (or GA),
 * GMCP for the packages it takes.
 */
final class TelnetConnection implements SessionConnection {

    private final Channel channel;
    private final TelnetNegotiator negotiator;
    private final ClientProfile profile;

    TelnetConnection(Channel channel, TelnetNegotiator negotiator, ClientProfile profile) {
        this.channel = channel;
        this.negotiator = negotiator;
        this.profile = profile;
    }

    @Override
    public void text(String markup) {
        String text = WordWrap.wrap(AnsiRenderer.render(markup, profile.colourDepth()), profile.width);
        channel.writeAndFlush(encode(text + "\n", null));
    }

    @Override
    public void prompt(String markup) {
        int mark = profile.eor ? Telnet.EOR_MARK : profile.sga ? -1 : Telnet.GA;
        channel.writeAndFlush(encode(AnsiRenderer.render(markup, profile.colourDepth()), mark));
    }

    @Override
    public void oob(String pkg, String json) {
        if (profile.wantsGmcp(pkg)) {
            channel.eventLoop().execute(() -> negotiator.sendGmcp(pkg, json));
        }
    }

    @Override
    public void hideInput(boolean hidden) {
        channel.eventLoop().execute(() -> {
            negotiator.hideInput(hidden);
            if (!hidden) {
                // the client echoed nothing, not even the line end
                channel.writeAndFlush(Unpooled.wrappedBuffer(new byte[] {'\r', '\n'}));
            }
        });
    }

    @Override
    public void colours(Integer colours) {
        profile.colourOverride = colours;
    }

    @Override
    public void close(String markup) {
        channel.writeAndFlush(encode(AnsiRenderer.render(markup, profile.colourDepth()) + "\n", null))
                .addListener(ChannelFutureListener.CLOSE);
    }

    /** The bytes for text (and, if {@code mark} is a command, IAC mark after it). */
    private ByteBuf encode(String text, Integer mark) {
        String lines = text.replace("\n", "\r\n");
        byte[] bytes = profile.utf8() ? lines.getBytes(StandardCharsets.UTF_8)
                : Ascii.fold(lines).getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + 4);
        for (byte b : bytes) {
            out.write(b);
            if ((b & 0xff) == Telnet.IAC) {
                out.write(b); // a data byte 255 is sent as IAC IAC
            }
        }
        if (mark != null && mark >= 0) {
            out.write(Telnet.IAC);
            out.write(mark);
        }
        return Unpooled.wrappedBuffer(out.toByteArray());
    }
}
