package org.mudbackbone.systemtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A gateway as its own JVM, started from this test's classpath, so that it can be killed with
 * SIGKILL (no shutdown hook, nothing more sent to Kafka) like a crashed deployment's.
 */
final class GatewayProcess implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final int telnetPort;
    private final int webPort;

    private GatewayProcess(Process process, Path log, int telnetPort, int webPort) {
        this.process = process;
        this.log = log;
        this.telnetPort = telnetPort;
        this.webPort = webPort;
    }

    static GatewayProcess start(String bootstrapServers, String namespace, String gatewayId, Path log) {
        return start(bootstrapServers, namespace, gatewayId, log, List.of());
    }

    /** @param jvmArgs further JVM arguments, such as {@code -Dmud.kafka.…} credentials for one test */
    static GatewayProcess start(String bootstrapServers, String namespace, String gatewayId, Path log,
            List<String> jvmArgs) {
        int telnet = freePort();
        int web = freePort();
        List<String> command = new java.util.ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"),
                "-Dmud.world.enabled=false",
                "-Dmud.gateway.id=" + gatewayId,
                "-Dmud.gateway.bootstrap-servers=" + bootstrapServers,
                "-Dmud.gateway.namespace=" + namespace,
                "-Dmud.gateway.host=127.0.0.1",
                "-Dmud.gateway.telnet.port=" + telnet,
                "-Dmud.gateway.telnet.tls-port=-1",
                "-Dmud.gateway.websocket.port=" + web,
                "-Dmud.gateway.http.port=0",
                "-Dmicronaut.server.port=-1",
                "-Dmud.dev-mode=true",
                "-Dmud.gateway.limits.connections-per-address=100000", // test clients all connect from loopback
                "-Dmud.gateway.limits.accepts-per-second=100000",
                "-Dmud.gateway.limits.hashes-per-address=100000",
                "-Dlogback.configurationFile=logback-test.xml"));
        command.addAll(jvmArgs);
        command.add("org.mudbackbone.gateway.GatewayApplication");
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "stop-gateway-" + process.pid()));
            GatewayProcess gateway = new GatewayProcess(process, log, telnet, web);
            Waits.until("gateway " + gatewayId + " ready", Waits.JVM_START,
                    () -> gateway.log().contains("gateway " + gatewayId + " ready"), gateway::log);
            return gateway;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A port free now (the gateway binds it a moment later; on loopback nothing else takes it). */
    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int telnetPort() {
        return telnetPort;
    }

    int webPort() {
        return webPort;
    }

    String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log yet: " + e.getMessage() + ")";
        }
    }

    /** SIGTERM, and wait for the process to end (a graceful shutdown). */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            throw new IllegalStateException("gateway " + process.pid() + " did not stop on SIGTERM; log " + log);
        }
    }

    /** SIGKILL: no shutdown hook, nothing more sent to Kafka. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
