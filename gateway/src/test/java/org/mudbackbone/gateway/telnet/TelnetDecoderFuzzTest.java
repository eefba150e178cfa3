package org.mudbackbone.gateway.telnet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.mudbackbone.gateway.proxy.TrustedProxies;

/**
 * The telnet read path fed what a hostile or broken client might send: random bytes weighted
 * toward telnet's own (IAC, SB, SE, WILL/DO, option numbers, CR, LF, NUL), in any split. Whatever
 * comes in, the decoder never throws, no line passes the limit, and how the bytes are cut into
 * reads changes nothing. A fixed number of tries keeps it bounded (a few seconds in CI).
 */
class TelnetDecoderFuzzTest {

    private static final int LIMIT = 100;

    @Provide
    Arbitrary<byte[]> telnetish() {
        Arbitrary<Integer> telnetByte = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.integers().between(0x20, 0x7e)),
                net.jqwik.api.Tuple.of(3, Arbitraries.of(255, 250, 240, 251, 252, 253, 254, 201, 31, 24, 39, 42, 86, 87, 69, 1, 3)),
                net.jqwik.api.Tuple.of(2, Arbitraries.of(13, 10, 0)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0, 255)));
        return telnetByte.list().ofMaxSize(3000).map(list -> {
            byte[] bytes = new byte[list.size()];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) (int) list.get(i);
            }
            return bytes;
        });
    }

    @Property(tries = 1500)
    void anyBytesInAnySplitNeverThrowKeepTheLimitAndReadAsInOnePiece(@ForAll("telnetish") byte[] input,
            @ForAll @IntRange(min = 0, max = 3000) int cut) {
        int at = Math.min(cut, input.length);
        Result whole = feed(input, input.length);
        Result split = feed(input, at);
        for (String line : whole.lines) {
            assertTrue(line.length() <= LIMIT, "a line past the limit: " + line.length()); // a byte decodes to at most one char
        }
        assertEquals(whole.lines, split.lines, "split at " + at);
        assertArrayEquals(whole.sent, split.sent, "answers, split at " + at);
        assertEquals(whole.open, split.open, "open, split at " + at);
    }

    private record Result(List<String> lines, byte[] sent, boolean open) {}

    /** Feeds {@code input} as two reads cut at {@code at}; checkException rethrows anything the pipeline raised. */
    private static Result feed(byte[] input, int at) {
        EmbeddedChannel channel = new EmbeddedChannel();
        TelnetNegotiator negotiator = new TelnetNegotiator(channel, new ClientProfile("127.0.0.1", false), Map::of,
                TrustedProxies.none());
        channel.pipeline().addLast(new TelnetDecoder(negotiator), new LineBasedFrameDecoder(LIMIT, true, true),
                new StringDecoder(StandardCharsets.UTF_8), new LineLimitGuard(LIMIT));
        if (channel.isOpen()) {
            channel.writeInbound(Unpooled.wrappedBuffer(Arrays.copyOfRange(input, 0, at)));
        }
        if (channel.isOpen()) {
            channel.writeInbound(Unpooled.wrappedBuffer(Arrays.copyOfRange(input, at, input.length)));
        }
        channel.checkException();
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
        boolean open = channel.isOpen();
        channel.finishAndReleaseAll();
        return new Result(lines, sent.toByteArray(), open);
    }
}
