package org.mudbackbone.bench.scenario;

import org.mudbackbone.bench.report.LoadReport;

/**
 * A scenario's figures through the world and through the floor (the echo processor) in the same run,
 * and the world's as a ratio to the floor's.
 *
 * @param floor null where the scenario has no floor run
 */
public record Outcome(String name, String goal, LoadReport world, LoadReport floor) {

    public double p50Ratio() {
        return ratio(world.latencyMs().p50(), floor == null ? 0 : floor.latencyMs().p50());
    }

    public double p99Ratio() {
        return ratio(world.latencyMs().p99(), floor == null ? 0 : floor.latencyMs().p99());
    }

    private static double ratio(double ours, double floor) {
        return floor > 0 ? Math.round(ours / floor * 100) / 100.0 : Double.NaN;
    }

    /** Nothing lost or doubled, everyone played. */
    public boolean clean() {
        return clean(world) && (floor == null || clean(floor));
    }

    static boolean clean(LoadReport r) {
        return r.lines().lost() == 0 && r.lines().duplicated() == 0 && r.lines().misrouted() == 0
                && r.connections().playing() == r.connections().requested();
    }
}
