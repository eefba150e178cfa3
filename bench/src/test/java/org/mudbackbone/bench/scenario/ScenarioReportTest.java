package org.mudbackbone.bench.scenario;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mudbackbone.bench.report.LoadReport;

class ScenarioReportTest {

    private static LoadReport report(double p50, double p99, long lost) {
        LoadReport.Percentiles latency = new LoadReport.Percentiles(1000, p50, p50 * 1.5, p99, p99 * 1.2, p99 * 1.5);
        return new LoadReport(
                new LoadReport.Setup("telnet://127.0.0.1:4000", "help", 1000, 1, 30, 5, 1, "Abcdef", "2026-11-01T00:00:00Z"),
                new LoadReport.Connections(1000, 1000, 0, 0),
                new LoadReport.Lines(35000, 30000, 30000, 1000, 1000, lost, 0, 0, 0, 0, 1000),
                latency, latency, latency, new LoadReport.Client(2, 0.12, 0.3, 0.5), List.of());
    }

    @Test
    void givesTheWorldAsARatioToTheFloorOfTheSameRun() {
        Outcome b = new Outcome("B: 1,000 players × 1/s", "p99 ≤ 2× floor", report(6, 30, 0), report(4, 10, 0));

        assertEquals(1.5, b.p50Ratio());
        assertEquals(3.0, b.p99Ratio());
        String table = ScenarioReport.markdown("2 cores", List.of(b), null, null);
        assertTrue(table.contains("| B: 1,000 players × 1/s | 1,000 → 1,000 | 6.0 ms | 9.0 ms | 30 ms | 36 ms | 45 ms"
                + " | 4.0 ms / 10 ms | 1.5× / 3.0× | 0 / 0 | p99 ≤ 2× floor |"), table);
    }

    @Test
    void aLostLineMakesTheOutcomeUnclean() {
        assertTrue(new Outcome("A", "", report(1, 2, 0), report(1, 2, 0)).clean());
        assertEquals(false, new Outcome("A", "", report(1, 2, 1), report(1, 2, 0)).clean());
    }

    @Test
    void drawsAPng(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("latency.png");

        LatencyPlot.write(List.of(new Outcome("A", "", report(1, 2, 0), report(0.5, 1, 0))), png);

        byte[] magic = Arrays.copyOf(Files.readAllBytes(png), 8);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, magic);
    }
}
