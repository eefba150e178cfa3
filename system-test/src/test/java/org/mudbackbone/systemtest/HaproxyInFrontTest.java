package org.mudbackbone.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mudbackbone.broker.message.JsonCodec;
import org.mudbackbone.broker.message.PlayerInput;
import org.mudbackbone.broker.testing.EmbeddedKafkaExtension;
import org.mudbackbone.broker.testing.KafkaBroker;
import org.mudbackbone.broker.topic.Topics;

/**
 * HAProxy itself (Debian's package) in front of two gateways, as deploy/haproxy.cfg sets it up for
 * telnet: least connections, PROXY protocol v2. Two players connecting through it land on different
 * gateways, meet in the world, and the world hears each one's own address, not HAProxy's.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class HaproxyInFrontTest {

    private static final String PASSWORD = "correct-horse-battery";

    @Test
    void twoPlayersThroughHaproxyLandOnBothGatewaysWithTheirOwnAddresses(KafkaBroker broker, TestInfo test) throws Exception {
        Optional<Path> haproxy = RealClients.find("haproxy").or(() -> Optional.of(Path.of("/usr/sbin/haproxy"))
                .filter(Files::isExecutable));
        assumeTrue(haproxy.isPresent(), "this test needs HAProxy: apt-get install haproxy");
        String ns = "haproxy-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> behindProxy = Map.of("mud.gateway.proxy.enabled", true,
                "mud.gateway.proxy.trusted", List.of("127.0.0.1/32"));
        Path dir = Path.of("target", "haproxy", test.getTestMethod().orElseThrow().getName());
        Files.createDirectories(dir);
        try (WorldProcess world = WorldProcess.start(broker.bootstrapServers(), ns, "", dir.resolve("world.log"));
                GatewayNode a = new GatewayNode(broker.bootstrapServers(), ns, "gw-a", behindProxy);
                GatewayNode b = new GatewayNode(broker.bootstrapServers(), ns, "gw-b", behindProxy)) {
            world.awaitActive(1);
            int port = freePort();
            Path config = dir.resolve("haproxy.cfg");
            Files.writeString(config, String.join("\n",
                    "defaults",
                    "    timeout connect 5s",
                    "    timeout client 1m",
                    "    timeout server 1m",
                    "frontend telnet",
                    "    mode tcp",
                    "    bind 127.0.0.1:" + port,
                    "    default_backend telnet",
                    "backend telnet",
                    "    mode tcp",
                    "    balance leastconn",
                    "    server gw-a 127.0.0.1:" + a.telnetPort() + " send-proxy-v2",
                    "    server gw-b 127.0.0.1:" + b.telnetPort() + " send-proxy-v2",
                    ""));
            Process proxy = new ProcessBuilder(haproxy.get().toString(), "-db", "-f", config.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("haproxy.log").toFile()).start();
            try {
                Waits.until("HAProxy listening", Waits.ANSWER, () -> listening(port), () -> read(dir.resolve("haproxy.log")));
                try (TelnetTestClient first = new TelnetTestClient(port, "127.0.0.21")) {
                    first.awaitText("Welcome to the MUD backbone");
                    first.send("create Firstvia " + PASSWORD);
                    first.awaitText("Town Square");
                    try (TelnetTestClient second = new TelnetTestClient(port, "127.0.0.22")) {
                        second.awaitText("Welcome to the MUD backbone");
                        second.send("create Secondvia " + PASSWORD);
                        second.awaitText("Town Square");
                        first.awaitText("Secondvia has connected.");
                        second.send("say met through HAProxy");
                        first.awaitText("Secondvia says, \"met through HAProxy\"");

                        // without the PROXY header both would have come from HAProxy's 127.0.0.1
                        Map<String, String> gatewayByAddress = opened(broker.bootstrapServers(), new Topics(ns));
                        assertEquals(List.of("gw-a", "gw-b"), List.of("127.0.0.21", "127.0.0.22").stream()
                                .map(gatewayByAddress::get).sorted().toList(),
                                "each player's own address, one on each gateway (least connections): " + gatewayByAddress);
                    }
                }
            } finally {
                proxy.destroy();
                proxy.waitFor();
            }
        }
    }

    /** The address each session opened from, and its gateway. */
    private static Map<String, String> opened(String bootstrapServers, Topics topics) {
        return TopicReader.readAll(bootstrapServers, topics.input().name()).stream()
                .map(r -> JsonCodec.INPUT.decode(r.value()).orElse(null))
                .filter(i -> i instanceof PlayerInput.Opened)
                .map(i -> (PlayerInput.Opened) i)
                .collect(Collectors.toMap(PlayerInput.Opened::address, PlayerInput.Opened::gateway, (x, y) -> x + "," + y));
    }

    private static boolean listening(int port) {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(no log)";
        }
    }
}
