package org.mudbackbone.systemtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
     * @param properties further {@code -Dkey=value} options; they come last, so they override the defaults
     */
    static WorldProcess start(String bootstrapServers, String namespace, String staticId, Path log,
            List<String> properties) {
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
                "-Dlogback.configurationFile=logback-test.xml"));
        command.addAll(properties);
        command.add("org.mudbackbone.world.WorldApplication");
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
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
