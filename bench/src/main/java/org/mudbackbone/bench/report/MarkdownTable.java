package org.mudbackbone.bench.report;

import java.util.Locale;

/** A load report as a Markdown table of figures, one per row, ready to paste into a README or an issue. */
public final class MarkdownTable {

    private MarkdownTable() {}

    public static String of(LoadReport r) {
        StringBuilder s = new StringBuilder();
        LoadReport.Setup setup = r.setup();
        LoadReport.Lines lines = r.lines();
        LoadReport.Client client = r.client();
        s.append("| figure | value |\n|---|---|\n");
        row(s, "target", setup.target());
        row(s, "command", setup.command());
        row(s, "players playing / asked", r.connections().playing() + " / " + r.connections().requested());
        row(s, "rate per player", num(setup.ratePerPlayer()) + "/s, for " + num(setup.durationSeconds())
                + " s after " + num(setup.warmupSeconds()) + " s warm-up");
        row(s, "lines/s achieved / target", num(lines.achievedPerSecond()) + " / " + num(lines.targetPerSecond()));
        row(s, "round trip p50 / p90 / p99 / p99.9 / max", percentiles(r.latencyMs()));
        row(s, "lines measured (answered / sent)", lines.answeredMeasured() + " / " + lines.sentMeasured());
        row(s, "lines received/s, all players (others' speech included)", num(lines.receivedPerSecond()));
        row(s, "lost (no echo by the end of the drain) / duplicated / out of order / misrouted",
                lines.lost() + " / " + lines.duplicated() + " / " + lines.outOfOrder() + " / " + lines.misrouted());
        row(s, "connection failures (connect or login / dropped)",
                r.connections().failedToConnectOrLogIn() + " / " + r.connections().droppedByServer());
        row(s, "login p50 / p99 / max", percentiles(r.loginMs()));
        row(s, "client send lag p50 / p99 / max", r.sendLagMs().p50() + " / " + r.sendLagMs().p99() + " / "
                + r.sendLagMs().max() + " ms");
        row(s, "client CPU average / peak (of " + client.cores() + " cores)",
                percent(client.cpuAverage()) + " / " + percent(client.cpuPeak()) + " (whole machine "
                        + percent(client.machineCpuAverage()) + ")");
        for (String warning : r.warnings()) {
            row(s, "**warning**", warning);
        }
        return s.toString();
    }

    private static String percentiles(LoadReport.Percentiles p) {
        return p.p50() + " / " + p.p90() + " / " + p.p99() + " / " + p.p999() + " / " + p.max() + " ms";
    }

    private static void row(StringBuilder s, String figure, String value) {
        s.append("| ").append(figure).append(" | ").append(value.replace("|", "\\|")).append(" |\n");
    }

    static String num(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%.1f", d);
    }

    static String percent(double fraction) {
        return fraction < 0 ? "n/a" : String.format(Locale.ROOT, "%.0f%%", fraction * 100);
    }
}
