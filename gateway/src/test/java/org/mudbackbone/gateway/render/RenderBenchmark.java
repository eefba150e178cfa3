package org.mudbackbone.gateway.render;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Markup rendered as ANSI at each colour depth ({@code ./mud jmh}): a room's look, the longest common output. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RenderBenchmark {

    private static final String LOOK = "{bold}{cyan}Town Square{/}{/}\n"
            + "The heart of the town. Cobbles worn smooth by a thousand boots; a fountain murmurs in the middle"
            + " and the {yellow}bell tower{/} looms to the north. Stalls line the eastern side.\n"
            + "{green}Exits:{/} north, south, east, west\n"
            + "{#ff8800}Abcdef{/} is here. {#00aaff}Ghijkl{/} is here. {red}Mnopqr{/} is here.";

    @Param({"NONE", "ANSI16", "XTERM256", "TRUECOLOR"})
    public ColourDepth depth;

    @Benchmark
    public String renderALook() {
        return AnsiRenderer.render(LOOK, depth);
    }
}
