package org.mudbackbone.bench.scenario;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.mudbackbone.bench.report.LoadReport;

/**
 * The report's plot: round-trip latency by percentile for each scenario, the world's as solid lines
 * and the floor's as dashed ones. The x axis steps by nines (50 %, 90 %, 99 %, 99.9 %), as
 * HdrHistogram's percentile plots do, so the tail is as wide as the median; the y axis is
 * logarithmic, so a 10 ms run and a 1 s run both show their shape.
 */
final class LatencyPlot {

    private static final String[] PERCENTILES = {"p50", "p90", "p99", "p99.9", "max"};

    private LatencyPlot() {}

    static void write(List<Outcome> outcomes, Path png) throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        Color[] colours = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0x9467bd),
            new Color(0xff7f0e), new Color(0x8c564b)};
        int series = 0;
        for (int i = 0; i < outcomes.size(); i++) {
            Outcome o = outcomes.get(i);
            Color colour = colours[i % colours.length];
            data.addSeries(curve(o.name() + " (world)", o.world()));
            renderer.setSeriesPaint(series, colour);
            renderer.setSeriesStroke(series++, new BasicStroke(2f));
            if (o.floor() != null) {
                data.addSeries(curve(o.name() + " (floor)", o.floor()));
                renderer.setSeriesPaint(series, colour);
                renderer.setSeriesStroke(series++, new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
                        10f, new float[] {6f, 4f}, 0f));
            }
        }
        SymbolAxis nines = new SymbolAxis("percentile", PERCENTILES);
        LogarithmicAxis ms = new LogarithmicAxis("round trip, ms (log scale)");
        ms.setStrictValuesFlag(false);
        XYPlot plot = new XYPlot(data, nines, ms, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart("Command round trip by percentile: world (solid) and floor (dashed)",
                JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        ChartUtils.saveChartAsPNG(png.toFile(), chart, 1000, 600);
    }

    private static XYSeries curve(String name, LoadReport report) {
        XYSeries s = new XYSeries(name);
        LoadReport.Percentiles p = report.latencyMs();
        double[] values = {p.p50(), p.p90(), p.p99(), p.p999(), p.max()};
        for (int i = 0; i < values.length; i++) {
            s.add(i, Math.max(0.01, values[i])); // a log axis has no 0
        }
        return s;
    }
}
