package org.mudbackbone.systemtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A world as its own JVM, started from this test's classpath, so that it can be stopped with SIGTERM,
 * killed with SIGKILL, or paused and resumed (SIGSTOP, SIGCONT) like a real deployment's.
 */
final class WorldProcess implements AutoCloseable {

    /** As the dev stack sets it: the embedded broker allows a session this short. */
    static final Duration LEADER_TIMEOUT = Duration.ofSeconds(3);

    private static final Pattern ACTIVE = Pattern.compile("world \\w+ active");
    /** The time stamp that starts each log line (logback-test.xml). */
    private static final Pattern TIME = Pattern.compile("\\d\\d:\\d\\d:\\d\\d\\.\\d\\d\\d");

    private final Process process;
    private final Path log;

    private WorldProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * @param staticId the world's stable instance name, or empty
     */
    static WorldProcess start(String bootstrapServers, String namespace, String staticId, Path log) {
        return start(bootstrapServers, namespace, staticId, log, List.of());
    }

    /**
     * @param staticId the world's stable instance name, or empty
     * @param jvmArgs  further JVM arguments, such as {@code -Dmud.world.…} settings for one test
     */
    static WorldProcess start(String bootstrapServers, String namespace, String staticId, Path log,
            List<String> jvmArgs) {
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"),
                "-Dmud.gateway.enabled=false",
                "-Dmud.world.bootstrap-servers=" + bootstrapServers,
                "-Dmud.world.namespace=" + namespace,
                "-Dmud.world.transactional-id=" + namespace + "-world",
                "-Dmud.world.group-id=" + namespace + "-world",
                "-Dmud.world.instance-id=" + staticId,
                "-Dmud.world.leader-timeout-ms=" + LEADER_TIMEOUT.toMillis(),
                // cheap hashing: the tests log in many players; production uses the recommended costs
                "-Dmud.world.hash-memory-kib=64",
                "-Dmud.world.hash-iterations=1",
                "-Dmicronaut.server.port=-1",
                "-Dmud.dev-mode=true",
                "-Dlogback.configurationFile=logback-test.xml"));
        command.addAll(jvmArgs);
        command.add("org.mudbackbone.world.WorldApplication");
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            // a test JVM that is killed (a timeout) must not leave worlds running on the machine
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "stop-world-" + process.pid()));
            return new WorldProcess(process, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long pid() {
        return process.pid();
    }

    String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    int timesActive() {
        Matcher m = ACTIVE.matcher(log());
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** Whether this process is the active world now: alive, and active since it last stood by. */
    boolean activeNow() {
        if (!process.isAlive()) {
            return false;
        }
        String log = log();
        Matcher m = ACTIVE.matcher(log);
        int lastActive = -1;
        while (m.find()) {
            lastActive = m.start();
        }
        return lastActive > log.lastIndexOf("standing by");
    }

    /**
     * When this process was the active world, from its log's time stamps (ms of the day): from each
     * "active" line to the next "standing by" or "stopped", or to now if it is active still.
     */
    List<long[]> activeSpans() {
        List<long[]> spans = new ArrayList<>();
        long since = -1;
        for (String line : log().split("\n")) {
            Matcher time = TIME.matcher(line);
            if (!time.lookingAt()) {
                continue;
            }
            long at = LocalTime.parse(time.group()).toNanoOfDay() / 1_000_000;
            if (since < 0 && ACTIVE.matcher(line).find()) {
                since = at;
            } else if (since >= 0 && (line.contains(" standing by") || line.contains(" stopped"))) {
                spans.add(new long[] {since, at});
                since = -1;
            }
        }
        if (since >= 0) {
            spans.add(new long[] {since, LocalTime.now().toNanoOfDay() / 1_000_000});
        }
        return spans;
    }

    /** How long this process and {@code other} both were the active world, by their logs, in ms. */
    long activeTogetherWith(WorldProcess other) {
        long together = 0;
        for (long[] a : activeSpans()) {
            for (long[] b : other.activeSpans()) {
                together += Math.max(0, Math.min(a[1], b[1]) - Math.max(a[0], b[0]));
            }
        }
        return together;
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Waits until this process has become the active world {@code times} times in all. */
    void awaitActive(int times) {
        Waits.until("world " + pid() + " active " + times + " times", Waits.TO_ACTIVE,
                () -> timesActive() >= times, this::log);
    }

    /** Waits until this process stands by with its memory caught up (a warm standby). */
    void awaitStandingBy() {
        Waits.until("world " + pid() + " warm standby", Waits.TO_ACTIVE, () -> log().contains("standby warm"), this::log);
    }

    /** SIGTERM, and wait for the process to end. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            throw new IllegalStateException("world " + pid() + " did not stop on SIGTERM; log " + log);
        }
    }

    /** SIGKILL: no shutdown hook, no last commit. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    void pause() throws Exception {
        signal("STOP");
    }

    void resume() throws Exception {
        signal("CONT");
    }

    private void signal(String name) throws Exception {
        int exit = new ProcessBuilder("kill", "-" + name, Long.toString(pid())).start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException("kill -" + name + " " + pid() + " failed");
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor();
        }
    }
}
