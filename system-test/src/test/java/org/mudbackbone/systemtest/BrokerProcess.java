package org.mudbackbone.systemtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.mudbackbone.broker.embedded.EmbeddedKafkaMain;

/**
 * The embedded broker as its own JVM ({@link EmbeddedKafkaMain}, this test's classpath), on ports and
 * a data folder the test chooses, so that it can be killed and started again where it was: the
 * clients find it at the same address with the same topics, offsets and transactions.
 */
final class BrokerProcess implements AutoCloseable {

    private static final String READY = "embedded Kafka broker ready on";

    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private Process process;
    private Path log;
    /** SCRAM users of a secured broker ({@code MUD_KAFKA_SCRAM_USERS}), or empty: plaintext. */
    private java.util.Map<String, String> users = java.util.Map.of();

    private BrokerProcess(Path dataDir, int port, int controllerPort) {
        this.dataDir = dataDir;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /** A broker on two free ports, keeping its data in {@code dataDir}; not started yet. */
    static BrokerProcess onFreePorts(Path dataDir) {
        return new BrokerProcess(dataDir, freePort(), freePort());
    }

    /** Makes this a secured broker with these SCRAM users (one of them {@code admin}); before {@link #start}. */
    BrokerProcess withUsers(java.util.Map<String, String> users) {
        this.users = users;
        return this;
    }

    String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Starts the broker process, logging to {@code log}, and waits until it says it is ready. */
    void start(Path log) {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("broker " + process.pid() + " is running already");
        }
        this.log = log;
        List<String> command = List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"),
                "-Dlogback.configurationFile=logback-test.xml",
                EmbeddedKafkaMain.class.getName(),
                dataDir.toString(), Integer.toString(port), Integer.toString(controllerPort));
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            if (!users.isEmpty()) {
                builder.environment().put("MUD_KAFKA_SCRAM_USERS", users.entrySet().stream()
                        .map(u -> u.getKey() + "=" + u.getValue()).collect(java.util.stream.Collectors.joining(",")));
            }
            process = builder.start();
            Process started = process;
            // a test JVM that is killed (a timeout) must not leave a broker running on the machine
            Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly, "stop-broker-" + started.pid()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Process started = process;
        Waits.until("broker " + started.pid() + " ready on " + bootstrapServers(), Waits.BROKER_START,
                () -> log().contains(READY) || !started.isAlive(), this::log);
        if (!started.isAlive()) {
            throw new AssertionError("broker " + started.pid() + " ended with " + started.exitValue() + ": " + log());
        }
    }

    /** SIGKILL: the broker gets no chance to close its logs or tell its clients. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                kill();
            }
        }
    }
}
