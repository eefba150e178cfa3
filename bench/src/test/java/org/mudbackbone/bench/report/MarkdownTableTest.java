package org.mudbackbone.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class MarkdownTableTest {

    private static LoadReport report() {
        LoadReport.Percentiles latency = new LoadReport.Percentiles(1000, 5.0, 9.0, 9.9, 9.99, 10.0);
        return new LoadReport(
                new LoadReport.Setup("telnet://127.0.0.1:4000", "help", 200, 1, 30, 5, 1, "Abcdef", "2026-11-01T00:00:00Z"),
                new LoadReport.Connections(200, 199, 1, 0),
                new LoadReport.Lines(7000, 6000, 5970, 199, 199, 0, 0, 0, 0, 0, 39800),
                latency, latency, latency,
                new LoadReport.Client(2, 0.12, 0.3, 0.95),
                List.of("1 player(s) did not get to play"));
    }

    @Test
    void printsOneFigurePerRowInMilliseconds() {
        String table = MarkdownTable.of(report());

        assertTrue(table.startsWith("| figure | value |\n|---|---|\n"), table);
        assertTrue(table.contains("| round trip p50 / p90 / p99 / p99.9 / max | 5.0 / 9.0 / 9.9 / 9.99 / 10.0 ms |"), table);
        assertTrue(table.contains("| players playing / asked | 199 / 200 |"), table);
        assertTrue(table.contains("| client CPU average / peak (of 2 cores) | 12% / 30% (whole machine 95%) |"), table);
        assertTrue(table.contains("| **warning** | 1 player(s) did not get to play |"), table);
    }

    @Test
    void givesPercentilesInMillisecondsToTheHundredth() {
        Histogram micros = new Histogram(3_600_000_000L, 3);
        micros.recordValueWithCount(2_000, 999);
        micros.recordValue(123_456);

        LoadReport.Percentiles p = LoadReport.Percentiles.ofMicros(micros);

        assertEquals(2.0, p.p50());
        assertEquals(2.0, p.p99());
        assertEquals(123.5, p.max(), 0.1);
        assertEquals(1000, p.count());
    }

    @Test
    void writesTheSameFiguresAsJson() {
        String json = JsonReport.of(report());

        assertTrue(json.contains("\"p99\" : 9.9"), json);
        assertTrue(json.contains("\"achievedPerSecond\" : 199.0"), json);
        assertTrue(json.contains("\"namePrefix\" : \"Abcdef\""), json);
    }
}
