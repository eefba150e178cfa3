package org.mudbackbone.gateway.telnet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.LineBasedFrameDecoder;
import io.netty.handler.codec.string.StringDecoder;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TelnetDecoderTest {

    private static final int IAC = 255;

    /** Feeds {@code input} in two pieces split at {@code at}; returns the lines and the bytes sent back. */
    private static Result feed(byte[] input, int at) {
        EmbeddedChannel channel = new EmbeddedChannel();
        TelnetNegotiator negotiator = new TelnetNegotiator(channel, new ClientProfile("127.0.0.1", false), Map::of,
                org.mudbackbone.gateway.proxy.TrustedProxies.none());
        channel.pipeline().addLast(new TelnetDecoder(negotiator),
                new LineBasedFrameDecoder(100, true, true), new StringDecoder(StandardCharsets.UTF_8),
                new LineLimitGuard(100));
        channel.writeInbound(Unpooled.wrappedBuffer(Arrays.copyOfRange(input, 0, at)));
        channel.writeInbound(Unpooled.wrappedBuffer(Arrays.copyOfRange(input, at, input.length)));
        List<String> lines = new ArrayList<>();
        for (Object o; (o = channel.readInbound()) != null; ) {
            lines.add((String) o);
        }
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        for (ByteBuf b; (b = channel.readOutbound()) != null; b.release()) {
            byte[] bytes = new byte[b.readableBytes()];
            b.readBytes(bytes);
            sent.writeBytes(bytes);
        }
        return new Result(lines, sent.toByteArray(), channel.isOpen());
    }

    private record Result(List<String> lines, byte[] sent, boolean open) {}

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    @Test
    void keepsTheLineThatArrivesWithNegotiationAtEverySplit() {
        // WILL 99, a subnegotiation, DO 98 (two options we do not know), then a line with a UTF-8 letter
        byte[] input = concat(bytes(IAC, 251, 99, IAC, 250, 31, 0, 80, 0, 24, IAC, 240, IAC, 253, 98),
                "say h\u00e9llo".getBytes(StandardCharsets.UTF_8), bytes('\r', '\n'));
        for (int at = 0; at <= input.length; at++) {
            Result result = feed(input, at);
            assertEquals(List.of("say h\u00e9llo"), result.lines(), "split at " + at);
            // refused once each: DONT 99, WONT 98
            assertArrayEquals(bytes(IAC, 254, 99, IAC, 252, 98), result.sent(), "split at " + at);
        }
    }

    @Test
    void crNulAndLoneCrEndLines() {
        Result result = feed(concat("a".getBytes(), bytes('\r', 0), "b\rc\n".getBytes()), 2);
        assertEquals(List.of("a", "b", "c"), result.lines());
    }

    @Test
    void commandBytesNeverReachTheGame() {
        byte[] input = concat("lo".getBytes(), bytes(IAC, 241, IAC, 249), "ok".getBytes(), bytes(IAC, IAC), "\n".getBytes());
        for (int at = 0; at <= input.length; at++) {
            // IAC IAC is a data byte 255, which is not UTF-8: it reads as a replacement character
            assertEquals(List.of("look\ufffd"), feed(input, at).lines(), "split at " + at);
        }
    }

    @Test
    void unterminatedSubnegotiationDisconnectsAtTheLimit() {
        byte[] huge = new byte[TelnetDecoder.MAX_SUBNEGOTIATION + 10];
        Arrays.fill(huge, (byte) 'x');
        Result result = feed(concat(bytes(IAC, 250, 24), huge, "look\n".getBytes()), 5);
        assertEquals(List.of(), result.lines());
        assertFalse(result.open());
    }

    @Test
    void overlongLineIsDroppedWithANoticeAndTheNextLineStillCounts() {
        byte[] input = concat("x".repeat(150).getBytes(), "\nlook\n".getBytes());
        Result result = feed(input, 20);
        assertEquals(List.of("look"), result.lines());
        assertEquals("Line too long (the limit is 100 bytes); it was not sent.\r\n",
                new String(result.sent(), StandardCharsets.UTF_8));
    }
}
