package org.mudbackbone.bench.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class HopBreakdownTest {

    @Test
    void givesEachHopsMeanBetweenTwoReadings() {
        String before = """
                # TYPE mud_world_commit_seconds summary
                mud_world_commit_seconds_count 10.0
                mud_world_commit_seconds_sum 0.05
                """;
        String after = """
                mud_world_commit_seconds_count{instance="a"} 30.0
                mud_world_commit_seconds_sum{instance="a"} 0.13
                mud_world_commit_seconds_max{instance="a"} 0.02
                """;

        Map<HopBreakdown.Hop, Double> means = HopBreakdown.means(HopBreakdown.parse(before), HopBreakdown.parse(after));

        HopBreakdown.Hop commit = HopBreakdown.HOPS.get(2);
        assertEquals(4.0, means.get(commit), 1e-9); // (0.13 - 0.05) s / 20
        assertTrue(means.get(HopBreakdown.HOPS.get(0)).isNaN(), "a hop with no new samples has no mean");
    }
}
