package org.mudbackbone.gateway.telnet;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Separates telnet commands from the player's data, one byte at a time, so that a command split
 * across reads at any byte is still understood, and a line arriving in the same read as a
 * negotiation reply is kept. Passes data on (line ends normalised to {@code \n}) and answers
 * option requests itself.
 *
 * <p>Options: the server offers ECHO only while the world asks for a secret (so the client stops
 * echoing); every other option is refused, once per request, and never reaches the game.
 * A subnegotiation longer than {@link #MAX_SUBNEGOTIATION} bytes disconnects the client instead of
 * growing memory or swallowing the session.
 */
final class TelnetDecoder extends ByteToMessageDecoder {

    static final int MAX_SUBNEGOTIATION = 8 * 1024;

    private enum State { DATA, IAC, OPTION, SB_OPTION, SB_DATA, SB_IAC }

    private State state = State.DATA;
    private int verb;
    private int subnegotiationLength;
    private boolean afterCr;

    // ECHO, from the server's side (RFC 1143, reduced to what we ever ask for)
    private boolean echoOn;
    private boolean echoAsked;

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        ByteBuf data = null;
        while (in.isReadable()) {
            int b = in.readUnsignedByte();
            switch (state) {
                case DATA -> {
                    if (b == Telnet.IAC) {
                        state = State.IAC;
                    } else {
                        data = appendData(ctx, data, b);
                    }
                }
                case IAC -> {
                    if (b == Telnet.IAC) {
                        data = appendData(ctx, data, b);
                        state = State.DATA;
                    } else if (b >= Telnet.WILL && b <= Telnet.DONT) {
                        verb = b;
                        state = State.OPTION;
                    } else if (b == Telnet.SB) {
                        state = State.SB_OPTION;
                    } else {
                        state = State.DATA; // NOP, GA, AYT, ...: nothing to do
                    }
                }
                case OPTION -> {
                    negotiate(ctx, verb, b);
                    state = State.DATA;
                }
                case SB_OPTION -> {
                    subnegotiationLength = 0;
                    state = State.SB_DATA;
                }
                case SB_DATA -> {
                    if (b == Telnet.IAC) {
                        state = State.SB_IAC;
                    } else if (++subnegotiationLength > MAX_SUBNEGOTIATION) {
                        refuseOverlongSubnegotiation(ctx, in);
                        return;
                    }
                }
                case SB_IAC -> state = b == Telnet.SE ? State.DATA : State.SB_DATA;
            }
        }
        if (data != null) {
            out.add(data);
        }
    }

    /** Appends one data byte, turning CR LF, CR NUL and a lone CR into LF. */
    private ByteBuf appendData(ChannelHandlerContext ctx, ByteBuf data, int b) {
        boolean wasAfterCr = afterCr;
        afterCr = b == '\r';
        if (wasAfterCr && (b == '\n' || b == 0)) {
            return data;
        }
        ByteBuf buf = data != null ? data : ctx.alloc().buffer(64);
        buf.writeByte(b == '\r' ? '\n' : b);
        return buf;
    }

    private void negotiate(ChannelHandlerContext ctx, int verb, int option) {
        if (option == Telnet.ECHO && (verb == Telnet.DO || verb == Telnet.DONT)) {
            boolean agreed = verb == Telnet.DO;
            if (agreed && !echoOn && !echoAsked) {
                send(ctx.channel(), Telnet.WONT, option); // we echo only when we ask to
            } else if (!agreed && echoOn) {
                send(ctx.channel(), Telnet.WONT, option);
            }
            echoOn = agreed && (echoOn || echoAsked);
            echoAsked = false;
        } else if (verb == Telnet.DO) {
            send(ctx.channel(), Telnet.WONT, option);
        } else if (verb == Telnet.WILL) {
            send(ctx.channel(), Telnet.DONT, option);
        }
        // WONT and DONT of an option that is off confirm what is: no answer, so no loop
    }

    /** Asks the client to stop (or start again) echoing what the player types. Call on the event loop. */
    void hideInput(Channel channel, boolean hidden) {
        if (hidden && !echoOn && !echoAsked) {
            echoAsked = true;
            send(channel, Telnet.WILL, Telnet.ECHO);
        } else if (!hidden && (echoOn || echoAsked)) {
            echoOn = false;
            echoAsked = false;
            send(channel, Telnet.WONT, Telnet.ECHO);
        }
    }

    private void refuseOverlongSubnegotiation(ChannelHandlerContext ctx, ByteBuf in) {
        in.skipBytes(in.readableBytes());
        ctx.writeAndFlush(Unpooled.copiedBuffer("\r\nTelnet subnegotiation too long; disconnecting.\r\n",
                StandardCharsets.US_ASCII)).addListener(ChannelFutureListener.CLOSE);
    }

    private static void send(Channel channel, int verb, int option) {
        channel.writeAndFlush(Unpooled.wrappedBuffer(Telnet.command(verb, option)));
    }
}
