package org.mudbackbone.bench.scenario;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mudbackbone.bench.report.LoadReport;

/** The standard scenarios' report: a Markdown table for the README and the same figures as JSON. */
final class ScenarioReport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ScenarioReport() {}

    static String markdown(String machine, List<Outcome> outcomes, Outcome capacity, IdleConnections.Result idle) {
        StringBuilder s = new StringBuilder();
        s.append("Machine: ").append(machine).append("\n\n");
        s.append("| scenario | commands/s (asked → done) | p50 | p90 | p99 | p99.9 | max | floor p50 / p99 | × floor (p50 / p99) | lost / doubled | goal |\n");
        s.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Outcome o : outcomes) {
            row(s, o);
        }
        if (capacity != null) {
            row(s, capacity);
        }
        if (idle != null) {
            s.append(String.format(Locale.ROOT, "%nD: %,d idle telnet connections on one gateway: %,d accepted, %,d greeted,"
                            + " %,d still held after %.0f s; with them %,d idle WebSocket connections (JSON, each a"
                            + " resumable session): %,d accepted, %,d greeted, %,d still held; gateway heap after GC %s → %s"
                            + " (%,d bytes per connection), resident %s → %s (%,d bytes per connection).%n",
                    idle.requested(), idle.accepted(), idle.greeted(), idle.held(), idle.heldSeconds(),
                    idle.webRequested(), idle.webAccepted(), idle.webGreeted(), idle.webHeld(),
                    mib(idle.heapBefore()), mib(idle.heapWith()), idle.heapPerConnection(), mib(idle.rssBefore()),
                    mib(idle.rssWith()), idle.rssPerConnection()));
        }
        s.append("""

                The floor is the same gateway and broker with EchoWorld in place of the world: one Kafka
                transaction per poll holding an answer and a prompt per line and a record of where input
                is read next, no game, no other state. It answers a `say` to its sayer only, so F's floor
                has no fan-out. Resident memory in D is read before and after a full GC, so it can shrink.
                Commands are `help n-<player>-<k>` (answered to the sender only) except in F (`say`).
                """);
        List<String> warnings = outcomes.stream().flatMap(o -> warnings(o).stream()).toList();
        if (!warnings.isEmpty()) {
            s.append("\nWarnings from the load generator:\n");
            warnings.forEach(w -> s.append("- ").append(w).append('\n'));
        }
        return s.toString();
    }

    private static void row(StringBuilder s, Outcome o) {
        LoadReport w = o.world();
        LoadReport.Percentiles p = w.latencyMs();
        String floor = o.floor() == null ? "–" : ms(o.floor().latencyMs().p50()) + " / " + ms(o.floor().latencyMs().p99());
        String ratio = o.floor() == null ? "–" : num(o.p50Ratio()) + " / " + num(o.p99Ratio());
        s.append("| ").append(o.name())
                .append(" | ").append(String.format(Locale.ROOT, "%,.0f → %,.0f", w.lines().targetPerSecond(), w.lines().achievedPerSecond()))
                .append(" | ").append(ms(p.p50())).append(" | ").append(ms(p.p90())).append(" | ").append(ms(p.p99()))
                .append(" | ").append(ms(p.p999())).append(" | ").append(ms(p.max()))
                .append(" | ").append(floor).append(" | ").append(ratio)
                .append(" | ").append(w.lines().lost()).append(" / ").append(w.lines().duplicated())
                .append(" | ").append(o.goal()).append(" |\n");
    }

    private static List<String> warnings(Outcome o) {
        List<String> all = new java.util.ArrayList<>();
        o.world().warnings().forEach(w -> all.add(o.name() + " (world): " + w));
        if (o.floor() != null) {
            o.floor().warnings().forEach(w -> all.add(o.name() + " (floor): " + w));
        }
        return all;
    }

    static void writeJson(Path file, String machine, List<Outcome> outcomes, Outcome capacity,
            IdleConnections.Result idle) throws IOException {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("machine", machine);
        all.put("scenarios", outcomes);
        all.put("capacity", capacity);
        all.put("idleConnections", idle);
        Files.writeString(file, JSON.writeValueAsString(all) + "\n");
    }

    private static String ms(double v) {
        return String.format(Locale.ROOT, v < 10 ? "%.1f ms" : "%.0f ms", v);
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.1f×", v);
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.0f MiB", bytes / 1048576.0);
    }
}
