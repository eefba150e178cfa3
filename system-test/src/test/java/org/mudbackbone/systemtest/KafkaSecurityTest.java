package org.mudbackbone.systemtest;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.mudbackbone.broker.client.ClientSecurity;
import org.mudbackbone.broker.embedded.EmbeddedKafka;
import org.mudbackbone.broker.security.Acls;
import org.mudbackbone.broker.topic.TopicProvisioner;
import org.mudbackbone.broker.topic.TopicSettings;
import org.mudbackbone.broker.topic.Topics;

/**
 * The embedded broker with SASL/SCRAM and the authorizer on, and the game's ACLs: a world and a
 * gateway (real processes, each signed in as its own user) play; the gateway's user is refused
 * when it writes state or reads another gateway's output; a wrong password gets nowhere.
 */
class KafkaSecurityTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    private static String password() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).replace('-', 'x').replace('_', 'y');
    }

    private static List<String> signIn(String user, String password) {
        return List.of("-Dmud.kafka.security-protocol=SASL_PLAINTEXT", "-Dmud.kafka.username=" + user,
                "-Dmud.kafka.password=" + password);
    }

    private static Properties client(String bootstrap, String user, String password) {
        Properties p = new ClientSecurity("SASL_PLAINTEXT", "SCRAM-SHA-512", user, password, "").applyTo(new Properties());
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        return p;
    }

    @Test
    void theGameRunsUnderItsAclsAndAGatewayCannotWriteStateOrReadAnotherGatewaysOutput(@TempDir Path data, TestInfo test)
            throws Exception {
        Map<String, String> users = Map.of(EmbeddedKafka.ADMIN, password(), "world", password(), "gateway-one", password());
        String ns = "sec-" + UUID.randomUUID().toString().substring(0, 8);
        Topics topics = new Topics(ns);
        Path logs = Path.of("target", "world-logs", test.getTestMethod().orElseThrow().getName());
        try (BrokerProcess broker = BrokerProcess.onFreePorts(data.resolve("kafka")).withUsers(users)) {
            broker.start(logs.resolve("broker.log"));
            String bootstrap = broker.bootstrapServers();
            ClientSecurity admin = new ClientSecurity("SASL_PLAINTEXT", "SCRAM-SHA-512", EmbeddedKafka.ADMIN,
                    users.get(EmbeddedKafka.ADMIN), "");
            // the administrator provisions the topics (the gateway may not create them) and the ACLs
            var catalogue = new java.util.ArrayList<>(topics.shared());
            catalogue.add(topics.output("one"));
            catalogue.add(topics.output("two"));
            new TopicProvisioner(bootstrap, TopicSettings.SINGLE_NODE, admin).ensure(catalogue);
            Acls acls = new Acls(topics);
            var all = new java.util.ArrayList<>(acls.world("world"));
            all.addAll(acls.gateway("one", "gateway-one"));
            Acls.apply(bootstrap, all, admin);

            try (WorldProcess world = WorldProcess.start(bootstrap, ns, "", logs.resolve("world.log"),
                            signIn("world", users.get("world")));
                    GatewayProcess gateway = GatewayProcess.start(bootstrap, ns, "one", logs.resolve("gateway.log"),
                            signIn("gateway-one", users.get("gateway-one")));
                    TelnetTestClient player = new TelnetTestClient(gateway.telnetPort())) {
                world.awaitActive(1);
                player.awaitText("Welcome to the MUD backbone");
                player.send("create Secure correct-horse-battery");
                player.awaitText("Town Square");
                player.send("say under the ACLs");
                player.awaitText("You say, \"under the ACLs\"");
            }

            Properties asGateway = client(bootstrap, "gateway-one", users.get("gateway-one"));
            try (var producer = new KafkaProducer<>(asGateway, new StringSerializer(), new ByteArraySerializer())) {
                ExecutionException refused = assertThrows(ExecutionException.class, () -> producer
                        .send(new ProducerRecord<>(topics.state().name(), "account:secure", "{}".getBytes())).get(30, TimeUnit.SECONDS));
                assertInstanceOf(TopicAuthorizationException.class, refused.getCause(), refused.toString());
            }
            try (var consumer = new KafkaConsumer<>(asGateway, new StringDeserializer(), new ByteArrayDeserializer())) {
                TopicPartition other = new TopicPartition(topics.output("two").name(), 0);
                consumer.assign(List.of(other));
                consumer.seekToBeginning(List.of(other));
                assertThrows(TopicAuthorizationException.class, () -> {
                    for (int i = 0; i < 50; i++) {
                        consumer.poll(Duration.ofMillis(200)); // the refusal comes with the first fetch's answer
                    }
                }, "reading another gateway's players' output");
            }
            Properties wrong = client(bootstrap, "gateway-one", "not-the-password");
            try (var producer = new KafkaProducer<>(wrong, new StringSerializer(), new ByteArraySerializer())) {
                Exception failed = assertThrows(Exception.class, () -> producer
                        .send(new ProducerRecord<>(topics.input().name(), "x", new byte[0])).get(30, TimeUnit.SECONDS));
                Throwable cause = failed;
                while (cause != null && !(cause instanceof SaslAuthenticationException)) {
                    cause = cause.getCause();
                }
                assertInstanceOf(SaslAuthenticationException.class, cause, "a wrong password: " + failed);
            }
        }
    }
}
