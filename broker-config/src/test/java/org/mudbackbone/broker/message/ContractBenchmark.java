package org.mudbackbone.broker.message;

import java.util.ArrayList;
import java.util.List;
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

/**
 * The contract's serialization ({@code ./mud jmh}): one typed line each way, and a say to a room of
 * 50 as the one output record the world writes for it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ContractBenchmark {

    private PlayerInput line;
    private byte[] lineBytes;
    private List<GameOutput> say;
    private byte[] sayBytes;

    @Setup
    public void setUp() {
        line = new PlayerInput.Line("AbCdEfGhIjKlMnOpQrStUv", "gw1", 42, 1_700_000_000_000L, "say hello there, everyone");
        lineBytes = JsonCodec.INPUT.encode(line);
        say = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            say.add(new GameOutput.Text("session-" + i, (7L << 32) + i, "{yellow}Abcdef says, \"hello there, everyone\"{/}"));
        }
        sayBytes = OutputBatch.encode(say);
    }

    @Benchmark
    public byte[] encodeALine() {
        return JsonCodec.INPUT.encode(line);
    }

    @Benchmark
    public Object decodeALine() {
        return JsonCodec.INPUT.decode(lineBytes);
    }

    @Benchmark
    public byte[] encodeASayToFifty() {
        return OutputBatch.encode(say);
    }

    @Benchmark
    public List<GameOutput> decodeASayToFifty() {
        return OutputBatch.decode(sayBytes);
    }
}
