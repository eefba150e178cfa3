package org.mudbackbone.bench;

import org.mudbackbone.bench.report.JsonReport;
import org.mudbackbone.bench.report.LoadReport;
import org.mudbackbone.bench.report.MarkdownTable;

/** {@code ./mud load [options]}: runs a load against a running stack, prints a table, writes JSON. */
public final class LoadMain {

    private LoadMain() {}

    public static void main(String[] args) throws Exception {
        if (java.util.Arrays.asList(args).contains("--help") || java.util.Arrays.asList(args).contains("-h")) {
            System.out.println(LoadOptions.USAGE);
            return;
        }
        LoadOptions options;
        try {
            options = LoadOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(LoadOptions.USAGE);
            System.exit(2);
            return;
        }
        LoadReport report = new LoadRun(options).run();
        System.out.println();
        System.out.print(MarkdownTable.of(report));
        JsonReport.write(report, options.json());
        System.out.println();
        System.out.println("JSON report: " + options.json().toAbsolutePath());
        // a run where nobody played measured nothing: say so in the exit status
        System.exit(report.connections().playing() == 0 ? 1 : 0);
    }
}
