package org.mudbackbone.gateway.telnet;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Separates telnet commands from the player's data, one byte at a time, so that a command split
 * across reads at any byte is still understood, and a line arriving in the same read as a
 * negotiation reply is kept. Passes data on (line ends normalised to {@code \n}); hands commands
 * and subnegotiations to the {@link TelnetNegotiator}.
 *
 * <p>Limits: a subnegotiation longer than {@link #MAX_SUBNEGOTIATION} bytes, or compressed input
 * (MCCP3) that inflates to more than {@link #MAX_INFLATED_PER_READ} bytes from one read, disconnects
 * the client instead of growing memory.
 *
 * <p>MCCP3 is inflated here with the JDK's {@code Inflater} rather than Netty's zlib decoder in the
 * pipeline: the client starts compressing right after {@code IAC SE}, in the middle of a read, and
 * only this decoder knows where that is.
 */
final class TelnetDecoder extends ByteToMessageDecoder {

    static final int MAX_SUBNEGOTIATION = 8 * 1024;
    static final int MAX_INFLATED_PER_READ = 1024 * 1024;

    private enum State { DATA, IAC, OPTION, SB_OPTION, SB_DATA, SB_IAC }

    private final TelnetNegotiator negotiator;
    private State state = State.DATA;
    private int verb;
    private int sbOption;
    private final ByteArrayOutputStream sb = new ByteArrayOutputStream();
    private boolean afterCr;
    private Inflater inflater;
    private ByteBuf data;
    private boolean closing;

    TelnetDecoder(TelnetNegotiator negotiator) {
        this.negotiator = negotiator;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        data = null;
        while (in.isReadable() && !closing) {
            if (inflater != null) {
                inflate(ctx, in);
            } else {
                step(ctx, in.readUnsignedByte());
            }
        }
        if (closing) {
            in.skipBytes(in.readableBytes());
            if (data != null) {
                data.release(); // nothing from a read we disconnect for reaches the game
                data = null;
            }
        }
        if (data != null) {
            out.add(data);
            data = null;
        }
    }

    private void step(ChannelHandlerContext ctx, int b) {
        switch (state) {
            case DATA -> {
                if (b == Telnet.IAC) {
                    state = State.IAC;
                } else {
                    appendData(ctx, b);
                }
            }
            case IAC -> {
                if (b == Telnet.IAC) {
                    appendData(ctx, b);
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
                negotiator.receive(verb, b);
                state = State.DATA;
            }
            case SB_OPTION -> {
                sbOption = b;
                sb.reset();
                state = State.SB_DATA;
            }
            case SB_DATA -> {
                if (b == Telnet.IAC) {
                    state = State.SB_IAC;
                } else {
                    appendSubnegotiation(ctx, b);
                }
            }
            case SB_IAC -> {
                if (b == Telnet.SE) {
                    state = State.DATA;
                    endSubnegotiation();
                } else {
                    appendSubnegotiation(ctx, b); // IAC IAC inside: a data byte 255
                    state = State.SB_DATA;
                }
            }
        }
    }

    private void endSubnegotiation() {
        byte[] payload = sb.toByteArray();
        sb.reset();
        if (sbOption == Telnet.MCCP3 && negotiator.compressedInputAgreed() && inflater == null) {
            inflater = new Inflater(); // everything after this IAC SE is compressed
            return;
        }
        negotiator.subnegotiation(sbOption, payload);
    }

    private void appendSubnegotiation(ChannelHandlerContext ctx, int b) {
        if (sb.size() >= MAX_SUBNEGOTIATION) {
            disconnect(ctx, "Telnet subnegotiation too long; disconnecting.");
            return;
        }
        sb.write(b);
    }

    private void inflate(ChannelHandlerContext ctx, ByteBuf in) {
        byte[] input = new byte[in.readableBytes()];
        in.readBytes(input);
        inflater.setInput(input);
        byte[] chunk = new byte[8192];
        long produced = 0;
        try {
            while (!closing) {
                int n = inflater.inflate(chunk);
                if (n == 0) {
                    if (inflater.finished()) {
                        // the client ended compression: what follows in this read is plain
                        int plain = inflater.getRemaining();
                        inflater.end();
                        inflater = null;
                        for (int i = input.length - plain; i < input.length && !closing; i++) {
                            step(ctx, input[i] & 0xff);
                        }
                    }
                    return;
                }
                produced += n;
                if (produced > MAX_INFLATED_PER_READ) {
                    disconnect(ctx, "Compressed input too large; disconnecting.");
                    return;
                }
                for (int i = 0; i < n && !closing; i++) {
                    step(ctx, chunk[i] & 0xff);
                }
            }
        } catch (DataFormatException e) {
            disconnect(ctx, "Compressed input is corrupt; disconnecting.");
        }
    }

    /** Appends one data byte, turning CR LF, CR NUL and a lone CR into LF. */
    private void appendData(ChannelHandlerContext ctx, int b) {
        boolean wasAfterCr = afterCr;
        afterCr = b == '\r';
        if (wasAfterCr && (b == '\n' || b == 0)) {
            return;
        }
        if (data == null) {
            data = ctx.alloc().buffer(64);
        }
        data.writeByte(b == '\r' ? '\n' : b);
    }

    private void disconnect(ChannelHandlerContext ctx, String why) {
        closing = true;
        ctx.writeAndFlush(Unpooled.copiedBuffer("\r\n" + why + "\r\n", StandardCharsets.US_ASCII))
                .addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    protected void handlerRemoved0(ChannelHandlerContext ctx) {
        if (inflater != null) {
            inflater.end();
        }
    }
}
