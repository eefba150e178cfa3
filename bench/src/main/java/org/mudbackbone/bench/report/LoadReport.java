package org.mudbackbone.bench.report;

import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * The figures of one load run. Times in milliseconds, CPU as a fraction of all cores (0 to 1).
 *
 * @param warnings reasons not to trust the figures as the server's (a busy client, a late sender)
 */
public record LoadReport(Setup setup, Connections connections, Lines lines, Percentiles latencyMs,
                         Percentiles sendLagMs, Percentiles loginMs, Client client, List<String> warnings) {

    /** What was asked for. */
    public record Setup(String target, String command, int players, double ratePerPlayer, double durationSeconds,
                        double warmupSeconds, int sourceAddresses, String namePrefix, String startedAt) {}

    /** How many players got to play, and how many did not or were dropped. */
    public record Connections(int requested, int playing, int failedToConnectOrLogIn, int droppedByServer) {}

    /**
     * Lines said and their echoes. {@code lost} (no echo by the end of the drain time),
     * {@code duplicated} and {@code receivedPerSecond} cover the whole run; the other rates, the
     * measured window. {@code receivedPerSecond} counts every line the players got, others' speech
     * included: the server's real output rate when players share a room.
     */
    public record Lines(long sent, long sentMeasured, long answeredMeasured, double targetPerSecond,
                        double achievedPerSecond, long lost, long duplicated, long outOfOrder, long misrouted, long unsent,
                        double receivedPerSecond) {}

    /** Percentiles of a histogram recorded in microseconds, given in milliseconds. */
    public record Percentiles(long count, double p50, double p90, double p99, double p999, double max) {

        public static Percentiles ofMicros(Histogram h) {
            if (h.getTotalCount() == 0) {
                return new Percentiles(0, 0, 0, 0, 0, 0);
            }
            return new Percentiles(h.getTotalCount(), ms(h.getValueAtPercentile(50)), ms(h.getValueAtPercentile(90)),
                    ms(h.getValueAtPercentile(99)), ms(h.getValueAtPercentile(99.9)), ms(h.getMaxValue()));
        }

        private static double ms(long micros) {
            return Math.round(micros / 10.0) / 100.0; // 0.01 ms: more digits would be noise
        }
    }

    /** The load generator's own machine use over the measured window. */
    public record Client(int cores, double cpuAverage, double cpuPeak, double machineCpuAverage) {}
}
