package org.mudbackbone.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The production shape, checked without a Docker engine: docker-compose.yml is valid for Compose
 * and has what an operator needs, and HAProxy accepts its configuration.
 */
class DeploymentFilesTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void composeIsValidAndEveryLongRunningServiceHasAHealthCheck() throws Exception {
        Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
        assertTrue(services.keySet().containsAll(List.of("kafka1", "kafka2", "kafka3", "topics", "world1", "world2",
                "gateway1", "gateway2", "haproxy")), services.keySet().toString());
        for (var service : services.entrySet()) {
            if (!service.getKey().equals("topics")) {
                assertTrue(service.getValue().containsKey("healthcheck") || service.getKey().startsWith("kafka"),
                        service.getKey() + " has a health check");
            }
            assertTrue(!String.valueOf(service.getValue().get("command")).contains("broker-embedded"),
                    service.getKey() + " carries no embedded broker");
        }
        assertEquals("apache/kafka:4.3.1", services.get("kafka1").get("image"));

        Optional<Path> composeTool = RealClients.find("docker-compose");
        assumeTrue(composeTool.isPresent(), "checking the file with Compose itself needs: apt-get install docker-compose");
        String out = RealClients.run(List.of(composeTool.get().toString(), "-f", ROOT.resolve("docker-compose.yml").toString(),
                "config", "-q"), null, 60);
        assertTrue(out.isBlank(), "docker-compose config: " + out);
    }

    @Test
    void theServiceImagesCarryNoBroker() throws Exception {
        for (String service : List.of("gateway", "world")) {
            Path lib = ROOT.resolve(service).resolve("target/lib");
            assumeTrue(Files.isDirectory(lib), "the jars are packaged first (./mvnw package): " + lib);
            try (var jars = Files.list(lib)) {
                List<String> broker = jars.map(p -> p.getFileName().toString())
                        .filter(n -> n.startsWith("kafka_") || n.startsWith("kafka-server") || n.startsWith("scala"))
                        .toList();
                assertTrue(broker.isEmpty(), service + "'s image would carry " + broker);
            }
            assertTrue(Files.readString(ROOT.resolve(service).resolve("Dockerfile")).contains("COPY target/lib/"),
                    service + "'s Dockerfile copies the packaged jars");
        }
    }

    @Test
    void haproxyAcceptsItsConfiguration() throws Exception {
        Optional<Path> haproxy = RealClients.find("haproxy").or(() -> Optional.of(Path.of("/usr/sbin/haproxy"))
                .filter(Files::isExecutable));
        assumeTrue(haproxy.isPresent(), "checking the HAProxy configuration needs: apt-get install haproxy");
        String out = RealClients.run(List.of(haproxy.get().toString(), "-c", "-f",
                ROOT.resolve("deploy/haproxy.cfg").toString()), null, 60);
        assertTrue(out.contains("Configuration file is valid"), out);
        assertTrue(Files.readString(ROOT.resolve("deploy/haproxy.cfg")).contains("send-proxy-v2"),
                "telnet reaches the gateways with the player's address");
    }
}
