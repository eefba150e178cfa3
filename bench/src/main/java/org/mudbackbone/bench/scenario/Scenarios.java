package org.mudbackbone.bench.scenario;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.mudbackbone.bench.LoadOptions;
import org.mudbackbone.bench.LoadRun;
import org.mudbackbone.bench.report.LoadReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ./mud scenarios}: the standard scenarios against a freshly started stack and, in the same
 * run, against the floor (the same gateway code and broker, with {@code EchoWorld} in place of the
 * world). Writes {@code report.md}, {@code report.json} and {@code latency.png}.
 *
 * <p>A: 1 player, 10 commands/s. B: 1,000 players × 1/s. F: fan-out, 100 players in one room each
 * saying a line a second. C: the most commands/s with p99 under 50 ms and nothing lost (doubling the
 * rate until a step fails). D: idle telnet connections held on one gateway. E, the restart gap, is
 * {@code ./mud bench} (its own broker, 100,000 objects).
 */
public final class Scenarios {

    private static final Logger LOG = LoggerFactory.getLogger(Scenarios.class);
    private static final double CAPACITY_P99_MS = 50;

    private Scenarios() {}

    public static void main(String[] args) throws Exception {
        int worldPort = 0;
        int floorPort = 0;
        long gatewayPid = 0;
        URI metrics = null;
        URI worldMetrics = null;
        Path out = Path.of("target", "scenarios");
        boolean quick = false;
        int idle = 10_000;
        int webPort = 0;
        int httpPort = 0;
        int floorWebPort = 0;
        int floorHttpPort = 0;
        boolean idleOnly = false;
        String bootstrap = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--world-port" -> worldPort = Integer.parseInt(args[++i]);
                case "--floor-port" -> floorPort = Integer.parseInt(args[++i]);
                case "--gateway-pid" -> gatewayPid = Long.parseLong(args[++i]);
                case "--gateway-metrics" -> metrics = URI.create(args[++i]);
                case "--world-metrics" -> worldMetrics = URI.create(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--idle" -> idle = Integer.parseInt(args[++i]);
                case "--web-port" -> webPort = Integer.parseInt(args[++i]);
                case "--http-port" -> httpPort = Integer.parseInt(args[++i]);
                case "--floor-web-port" -> floorWebPort = Integer.parseInt(args[++i]);
                case "--floor-http-port" -> floorHttpPort = Integer.parseInt(args[++i]);
                case "--bootstrap" -> bootstrap = args[++i];
                case "--quick" -> quick = true;
                case "--idle-only" -> idleOnly = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Files.createDirectories(out);
        int seconds = quick ? 10 : 30;
        List<Scenario> standard = new ArrayList<>(List.of(
                Scenario.of("A: 1 player × 10/s", "p50 ≤ 1.5×, p99 ≤ 2× floor", 1, 10, "ping", seconds),
                Scenario.of("B: 1,000 players × 1/s", "p99 ≤ 2× floor, 0 lost", 1000, 1, "ping", seconds),
                Scenario.of("F: 100 players in one room, say 1/s", "p99 < 25 ms", 100, 1, "say", seconds)));
        if (webPort > 0 && floorWebPort > 0) {
            standard.add(Scenario.over(1, "B over WebSocket: 200 players × 1/s", "", 200, 1, "ping", seconds));
        }
        if (httpPort > 0 && floorHttpPort > 0) {
            standard.add(Scenario.over(2, "B over HTTP (SSE): 200 players × 1/s", "", 200, 1, "ping", seconds));
        }
        int[] worldPorts = {worldPort, webPort, httpPort};
        int[] floorPorts = {floorPort, floorWebPort, floorHttpPort};
        List<Outcome> outcomes = new ArrayList<>();
        HopBreakdown hops = metrics != null && worldMetrics != null ? new HopBreakdown(metrics, worldMetrics) : null;
        String breakdown = "";
        KafkaCost kafka = bootstrap == null ? null : new KafkaCost(bootstrap, org.mudbackbone.broker.topic.Topics.DEFAULT_NAMESPACE);
        for (Scenario scenario : idleOnly ? List.<Scenario>of() : standard) {
            LoadReport floor = run(scenario, floorPorts[scenario.protocol()], out, "floor");
            boolean traced = hops != null && scenario == standard.get(1);
            var before = new java.util.concurrent.atomic.AtomicReference<java.util.Map<String, double[]>>();
            var sizes = new java.util.concurrent.atomic.AtomicReference<java.util.Map<String, KafkaCost.Size>>();
            var trace = new java.util.concurrent.atomic.AtomicReference<List<CommandTrace.Trace>>(List.of());
            Thread tracer = null;
            if (traced && bootstrap != null) {
                String kafkaAt = bootstrap;
                int port = worldPort;
                tracer = new Thread(() -> {
                    try {
                        trace.set(new CommandTrace(kafkaAt, org.mudbackbone.broker.topic.Topics.DEFAULT_NAMESPACE, port)
                                .run(40, Duration.ofMillis(300)));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, "command-trace");
            }
            Thread traceDuringTheRun = tracer;
            LoadReport world = run(scenario, worldPorts[scenario.protocol()], out, "world", () -> {
                if (traceDuringTheRun != null) {
                    traceDuringTheRun.start(); // logs in during the warm-up, traces in the measured time
                }
                if (traced) {
                    before.set(hops.readQuietly()); // after the logins: their hashing is not a command's time
                    if (kafka != null) {
                        sizes.set(kafka.read());
                    }
                }
            });
            if (traced && before.get() != null) {
                var after = hops.read();
                breakdown = HopBreakdown.markdown(scenario.name(), HopBreakdown.means(before.get(), after),
                        world.latencyMs().p50());
                if (tracer != null) {
                    tracer.join(60_000);
                    breakdown += CommandTrace.markdown(scenario.name(), trace.get());
                }
                if (kafka != null) {
                    long commands = world.lines().sent() - world.lines().lost();
                    breakdown += KafkaCost.markdown(scenario.name(), KafkaCost.perCommand(sizes.get(), kafka.read(), commands),
                            commands, HopBreakdown.count(before.get(), after, "mud_world_commit_seconds"));
                }
            }
            outcomes.add(new Outcome(scenario.name(), scenario.goal(), world, floor));
        }
        Outcome capacity = idleOnly ? null : capacity(worldPort, floorPort, out, quick ? 8 : 15);
        IdleConnections.Result idleResult = null;
        if (gatewayPid > 0 && metrics != null && idle > 0) {
            int web = webPort > 0 ? idle : 0;
            // this client holds a file per connection too, and needs some for itself (jcmd, the reports)
            long files = ((com.sun.management.UnixOperatingSystemMXBean) java.lang.management.ManagementFactory
                    .getOperatingSystemMXBean()).getMaxFileDescriptorCount();
            if (idle + web > files - 1000) {
                int fit = (int) Math.max(0, (files - 1000) / (web > 0 ? 2 : 1));
                LOG.warn("D: this process may open {} files: holding {} telnet and {} WebSocket connections, not {} and {}",
                        files, fit, web > 0 ? fit : 0, idle, web);
                idle = fit;
                web = web > 0 ? fit : 0;
            }
            try {
                idleResult = new IdleConnections(worldPort, webPort, gatewayPid, metrics)
                        .run(idle, web, Duration.ofSeconds(quick ? 15 : 60));
            } catch (Exception e) {
                LOG.error("D failed, the report goes without it: {}", e.toString());
            }
        }
        String machine = Machine.describe();
        String markdown = ScenarioReport.markdown(machine, outcomes, capacity, idleResult) + breakdown;
        Files.writeString(out.resolve("report.md"), markdown);
        ScenarioReport.writeJson(out.resolve("report.json"), machine, outcomes, capacity, idleResult);
        List<Outcome> plotted = new ArrayList<>(outcomes);
        if (capacity != null) {
            plotted.add(capacity);
        }
        if (!plotted.isEmpty()) {
            LatencyPlot.write(plotted, out.resolve("latency.png"));
        }
        System.out.println();
        System.out.print(markdown);
        System.out.println("\nreport: " + out.toAbsolutePath().resolve("report.md") + " (and report.json, latency.png)");
        System.exit(0); // the load generator's event loops are daemons, the HTTP client's are not
    }

    private static LoadReport run(Scenario scenario, int port, Path out, String target) throws InterruptedException {
        return run(scenario, port, out, target, () -> { });
    }

    private static LoadReport run(Scenario scenario, int port, Path out, String target, Runnable loggedIn)
            throws InterruptedException {
        String file = out.resolve(slug(scenario.name()) + "-" + target + ".json").toString();
        LOG.info("scenario {} against the {} (port {})", scenario.name(), target, port);
        return new LoadRun(LoadOptions.parse(scenario.against(port, file).toArray(String[]::new))).run(loggedIn);
    }

    /**
     * C: 200 players, the rate doubled each step from 0.5 command/s each (100/s), until a step has p99 at or
     * over 50 ms, loses a line, or does not reach 90 % of the rate asked. The last passing step is
     * the figure (or the first step, marked so, if even that fails); its floor is run at the same rate.
     */
    private static Outcome capacity(int worldPort, int floorPort, Path out, int seconds) throws InterruptedException {
        Scenario best = null;
        LoadReport bestReport = null;
        Scenario failed = null;
        LoadReport failedReport = null;
        for (double rate = 0.5; rate <= 128; rate *= 2) {
            Scenario step = Scenario.of("C: 200 players × " + rate + "/s", "≥ 20,000/s with p99 < 50 ms", 200, rate,
                    "ping", seconds);
            LoadReport r = run(step, worldPort, out, "world");
            boolean passed = r.latencyMs().p99() < CAPACITY_P99_MS && Outcome.clean(r)
                    && r.lines().achievedPerSecond() >= 0.9 * r.lines().targetPerSecond();
            LOG.info("capacity step {}/s: p99 {} ms, lost {}, {} /s done: {}", (int) r.lines().targetPerSecond(),
                    r.latencyMs().p99(), r.lines().lost(), (int) r.lines().achievedPerSecond(), passed ? "passed" : "failed");
            if (!passed) {
                if (best == null) {
                    failed = step;
                    failedReport = r;
                }
                break;
            }
            best = step;
            bestReport = r;
        }
        if (best == null) {
            return new Outcome(failed.name() + " (the first step failed)", failed.goal(), failedReport,
                    run(failed, floorPort, out, "floor"));
        }
        return new Outcome(best.name() + " (best step)", best.goal(), bestReport, run(best, floorPort, out, "floor"));
    }

    private static String slug(String name) {
        return name.substring(0, 1).toLowerCase(java.util.Locale.ROOT) + "-" + Integer.toHexString(name.hashCode());
    }

    /** The machine the figures were measured on, for the report. */
    static final class Machine {
        private Machine() {}

        static String describe() throws IOException {
            String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("unknown CPU");
            return String.format("%d cores (%s), %s, Java %s, %s", Runtime.getRuntime().availableProcessors(), cpu,
                    System.getProperty("os.name") + " " + System.getProperty("os.version"),
                    System.getProperty("java.version"), java.time.LocalDate.now());
        }
    }
}
