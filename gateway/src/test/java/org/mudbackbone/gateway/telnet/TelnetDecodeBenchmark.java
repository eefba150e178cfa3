package org.mudbackbone.gateway.telnet;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.LineBasedFrameDecoder;
import io.netty.handler.codec.string.StringDecoder;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The telnet read path of one connection ({@code ./mud jmh}): one read of 64 typed lines, with a
 * NAWS subnegotiation and an escaped IAC among them, through the decoder and line framing the
 * gateway's pipeline uses.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TelnetDecodeBenchmark {

    private EmbeddedChannel channel;
    private byte[] read;

    @Setup
    public void setUp() {
        channel = new EmbeddedChannel();
        TelnetNegotiator negotiator = new TelnetNegotiator(channel, new ClientProfile("127.0.0.1", false), Map::of,
                org.mudbackbone.gateway.proxy.TrustedProxies.none());
        channel.pipeline().addLast(new TelnetDecoder(negotiator), new LineBasedFrameDecoder(4096, true, true),
                new StringDecoder(StandardCharsets.UTF_8), new LineLimitGuard(4096));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < 64; i++) {
            bytes.writeBytes(("say line number " + i + " of the benchmark, with some words\r\n").getBytes(StandardCharsets.UTF_8));
            if (i == 20) {
                bytes.writeBytes(new byte[] {(byte) 255, (byte) 250, 31, 0, 80, 0, 24, (byte) 255, (byte) 240}); // NAWS 80x24
            }
            if (i == 40) {
                bytes.writeBytes(new byte[] {'a', (byte) 255, (byte) 255, 'b', '\r', '\n'}); // an escaped IAC in a line
            }
        }
        read = bytes.toByteArray();
    }

    @Benchmark
    public void decodeOneRead(Blackhole hole) {
        channel.writeInbound(Unpooled.wrappedBuffer(read));
        for (Object line; (line = channel.readInbound()) != null; ) {
            hole.consume(line);
        }
        for (Object sent; (sent = channel.readOutbound()) != null; ) {
            ((ByteBuf) sent).release();
        }
    }
}
