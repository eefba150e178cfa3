package org.mudbackbone.bench.scenario;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where one command's time goes, from the timers the gateway and the world export on
 * {@code /prometheus}, read before and after a scenario: the mean of each hop over that scenario.
 * The hops overlap where their clocks start at the same event (see each description); the client's
 * own round trip closes the picture.
 */
final class HopBreakdown {

    /** A timer, the process exporting it, and what it measures. */
    record Hop(String metric, boolean world, String what) {}

    static final List<Hop> HOPS = List.of(
            new Hop("mud_gateway_input_published_seconds", false,
                    "gateway: line read → Kafka acknowledged the input (acks=all)"),
            new Hop("mud_world_input_wait_seconds", true,
                    "world: gateway's send → the world takes the input (Kafka append, fetch, poll, queue)"),
            new Hop("mud_world_commit_seconds", true,
                    "world: first send of the transaction → commit returned (records, markers)"),
            new Hop("mud_gateway_output_received_seconds", false,
                    "gateway: world's send of the output → gateway read it (waits for the commit, then the fetch)"),
            new Hop("mud_gateway_round_trip_seconds", false,
                    "gateway: line read → the world's prompt for it arrived (the whole server side)"));

    private final URI gatewayMetrics;
    private final URI worldMetrics;
    private final HttpClient http = HttpClient.newHttpClient();

    HopBreakdown(URI gatewayMetrics, URI worldMetrics) {
        this.gatewayMetrics = gatewayMetrics;
        this.worldMetrics = worldMetrics;
    }

    /** Each hop's count and sum in seconds now. */
    Map<String, double[]> read() throws IOException, InterruptedException {
        Map<String, double[]> all = new HashMap<>();
        all.putAll(parse(get(gatewayMetrics)));
        all.putAll(parse(get(worldMetrics)));
        return all;
    }

    /** As {@link #read}, or null (and no breakdown) if a process does not answer. */
    Map<String, double[]> readQuietly() {
        try {
            return read();
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Mean milliseconds of each hop between two readings, in the order of {@link #HOPS}. */
    static Map<Hop, Double> means(Map<String, double[]> before, Map<String, double[]> after) {
        Map<Hop, Double> means = new LinkedHashMap<>();
        for (Hop hop : HOPS) {
            double[] a = after.getOrDefault(hop.metric(), new double[2]);
            double[] b = before.getOrDefault(hop.metric(), new double[2]);
            double count = a[0] - b[0];
            means.put(hop, count > 0 ? (a[1] - b[1]) / count * 1000 : Double.NaN);
        }
        return means;
    }

    /** How many times a timer ran between two readings. */
    static double count(Map<String, double[]> before, Map<String, double[]> after, String metric) {
        return after.getOrDefault(metric, new double[2])[0] - before.getOrDefault(metric, new double[2])[0];
    }

    static String markdown(String scenario, Map<Hop, Double> means, double clientP50) {
        StringBuilder s = new StringBuilder("\nWhere the time of one command goes in ").append(scenario)
                .append(" (means over the scenario, from the processes' own timers):\n\n| hop | mean |\n|---|---|\n");
        means.forEach((hop, ms) -> s.append("| ").append(hop.what()).append(" | ")
                .append(Double.isNaN(ms) ? "–" : String.format(Locale.ROOT, "%.2f ms", ms)).append(" |\n"));
        s.append(String.format(Locale.ROOT, "| client: line written → answer read (p50; the whole round trip) | %.2f ms |%n",
                clientP50));
        return s.toString();
    }

    private String get(URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    /** Prometheus text: {@code name_count{...} v} and {@code name_sum{...} v}, summed over labels. */
    static Map<String, double[]> parse(String text) {
        Map<String, double[]> timers = new HashMap<>();
        for (String line : text.split("\n")) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            int end = line.indexOf('{') >= 0 ? line.indexOf('{') : line.indexOf(' ');
            String name = line.substring(0, end);
            double value;
            try {
                value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            } catch (NumberFormatException e) {
                continue;
            }
            if (name.endsWith("_count")) {
                timers.computeIfAbsent(name.substring(0, name.length() - 6), k -> new double[2])[0] += value;
            } else if (name.endsWith("_sum")) {
                timers.computeIfAbsent(name.substring(0, name.length() - 4), k -> new double[2])[1] += value;
            }
        }
        return timers;
    }
}
