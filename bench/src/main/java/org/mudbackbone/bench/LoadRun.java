package org.mudbackbone.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.mudbackbone.bench.measure.ClientCpu;
import org.mudbackbone.bench.measure.Tally;
import org.mudbackbone.bench.player.LoadPlayer;
import org.mudbackbone.bench.player.PlayerNames;
import org.mudbackbone.bench.player.SourceAddresses;
import org.mudbackbone.bench.player.Wires;
import org.mudbackbone.bench.report.LoadReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.resources.LoopResources;

/**
 * One load run: log the players in at a bounded concurrency, send every line on schedule, wait a
 * bounded time for the last answers, count, and close.
 */
public final class LoadRun {

    private static final Logger LOG = LoggerFactory.getLogger(LoadRun.class);

    /** A client whose CPU average is above this measures itself as much as the server. */
    static final double BUSY_CLIENT = 0.8;
    /** A machine busier than this on average runs the server slower than it could. */
    static final double BUSY_MACHINE = 0.9;
    /** Sending this late (p99) means the schedule slipped on the client's side. */
    static final double LATE_SENDER_MS = 5;
    /** Failures logged one by one; the rest are only counted. */
    private static final int FAILURES_SHOWN = 5;

    private final LoadOptions options;
    private final Tally tally = new Tally();
    private final PlayerNames names = PlayerNames.random();

    public LoadRun(LoadOptions options) {
        this.options = options;
    }

    public LoadReport run() throws InterruptedException {
        return run(() -> { });
    }

    /** As {@link #run()}; {@code loggedIn} runs once every player is in, before the first line is sent. */
    public LoadReport run(Runnable loggedIn) throws InterruptedException {
        SourceAddresses sources = SourceAddresses.forTarget(options.host(), options.players(), options.sourceAddresses());
        // event loops of our own, so that the run ends by disposing them (daemon threads besides)
        LoopResources loops = LoopResources.create("load", Math.max(1, Runtime.getRuntime().availableProcessors()), true);
        Wires wires = new Wires(options, sources, loops);
        try {
            Instant startedAt = Instant.now();
            List<LoadPlayer> playing = logIn(sources, wires);
            loggedIn.run();
            int dropped;
            ClientCpu.Use cpu;
            OpenLoopSender sender = new OpenLoopSender(playing, options.periodNanos(), options.linesPerPlayer(), tally);
            long sendingBegan;
            try (ClientCpu clientCpu = new ClientCpu()) {
                long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
                long measureFrom = start + options.warmup().toNanos();
                tally.window(measureFrom, measureFrom + options.duration().toNanos());
                LOG.info("{} players say {} line(s)/s each: {} s warm-up, {} s measured", playing.size(),
                        options.ratePerPlayer(), options.warmup().toSeconds(), options.duration().toSeconds());
                clientCpu.start();
                sendingBegan = System.nanoTime();
                sender.run(start);
                cpu = clientCpu.stop();
            }
            awaitLastAnswers();
            double receivedPerSecond = tally.linesReceived() / ((System.nanoTime() - sendingBegan) / 1e9);
            long lost = 0;
            for (int i = 0; i < playing.size(); i++) {
                lost += playing.get(i).unanswered(sender.sent(i));
            }
            dropped = (int) playing.stream().filter(LoadPlayer::droppedByServer).count();
            playing.forEach(LoadPlayer::close);
            return report(startedAt, sources, playing.size(), dropped, lost, cpu, receivedPerSecond);
        } finally {
            wires.close();
            loops.disposeLater(Duration.ZERO, Duration.ofSeconds(2)).block(Duration.ofSeconds(5));
        }
    }

    private List<LoadPlayer> logIn(SourceAddresses sources, Wires wires) {
        LOG.info("logging in {} players on {} ({} at a time, names {}..., from {})", options.players(),
                options.target(), options.loginConcurrency(), names.prefix(),
                sources.all().isEmpty() ? "the system's choice of address" : sources.all().size() + " source address(es)");
        AtomicInteger failures = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        int step = Math.max(1, options.players() / 10);
        long began = System.nanoTime();
        List<LoadPlayer> playing = Flux.range(0, options.players())
                .flatMap(i -> {
                    LoadPlayer player = new LoadPlayer(i, names, options.command(), options.linesPerPlayer(), tally,
                            wires.forPlayer(i));
                    return player.connectAndCreate(options.loginTimeout())
                            .onErrorResume(e -> {
                                if (failures.incrementAndGet() <= FAILURES_SHOWN) {
                                    LOG.warn("player {} ({}) did not get to play: {}", i, names.name(i), e.toString());
                                }
                                return Mono.empty();
                            })
                            .doFinally(signal -> {
                                if (done.incrementAndGet() % step == 0) {
                                    LOG.info("{} / {} logins done", done.get(), options.players());
                                }
                            });
                }, options.loginConcurrency())
                .collectList()
                .block();
        playing.sort(Comparator.comparingInt(LoadPlayer::index));
        LOG.info("{} of {} players logged in in {} ms ({} failed)", playing.size(), options.players(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began), failures.get());
        return playing;
    }

    /** Waits, at most the drain time, until every line sent has its echo; what is missing then is lost. */
    private void awaitLastAnswers() throws InterruptedException {
        long deadline = System.nanoTime() + options.drain().toNanos();
        while (tally.outstanding() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20); // a CLI's bounded wait for a count, not a test's proof of absence
        }
    }

    private LoadReport report(Instant startedAt, SourceAddresses sources, int playing, int dropped, long lost,
                              ClientCpu.Use cpu, double receivedPerSecond) {
        double seconds = options.duration().toNanos() / 1e9;
        LoadReport.Percentiles latency = LoadReport.Percentiles.ofMicros(tally.latencyMicros());
        LoadReport.Percentiles lag = LoadReport.Percentiles.ofMicros(tally.sendLagMicros());
        List<String> warnings = new ArrayList<>();
        if (cpu.processAverage() > BUSY_CLIENT) {
            warnings.add(String.format(java.util.Locale.ROOT, "the load generator used %.0f%% of its cores: it may be measuring itself",
                    cpu.processAverage() * 100));
        }
        if (lag.p99() > LATE_SENDER_MS) {
            warnings.add("the sender was late (p99 " + lag.p99() + " ms): "
                    + (cpu.processAverage() > BUSY_CLIENT ? "the client is saturated"
                            : "its thread waited for a core the client did not use itself: the machine is saturated")
                    + "; the round trips include this lateness");
        }
        if (cpu.machineAverage() > BUSY_MACHINE) {
            warnings.add(String.format(java.util.Locale.ROOT,
                    "the whole machine was %.0f%% busy: client, server and anything else compete for its cores",
                    cpu.machineAverage() * 100));
        }
        if (playing < options.players()) {
            warnings.add((options.players() - playing) + " player(s) did not get to play");
        }
        return new LoadReport(
                new LoadReport.Setup(options.target(),
                        options.command().command(0, 0).split(" ")[0], options.players(),
                        options.ratePerPlayer(), seconds, options.warmup().toNanos() / 1e9, sources.all().size(),
                        names.prefix(), startedAt.toString()),
                new LoadReport.Connections(options.players(), playing, options.players() - playing, dropped),
                new LoadReport.Lines(tally.sent(), tally.sentInWindow(), tally.answeredInWindow(),
                        playing * options.ratePerPlayer(), tally.answeredInWindow() / seconds, lost,
                        tally.duplicated(), tally.outOfOrder(), tally.misrouted(), tally.unsent(), receivedPerSecond),
                latency, lag, LoadReport.Percentiles.ofMicros(tally.loginMicros()),
                new LoadReport.Client(cpu.cores(), cpu.processAverage(), cpu.processPeak(), cpu.machineAverage()),
                warnings);
    }
}
