package org.mudbackbone.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mudbackbone.broker.client.ClientPresets;
import org.mudbackbone.broker.message.JsonCodec;
import org.mudbackbone.broker.message.PlayerInput;
import org.mudbackbone.broker.testing.EmbeddedKafkaExtension;
import org.mudbackbone.broker.testing.KafkaBroker;
import org.mudbackbone.broker.topic.Topic;
import org.mudbackbone.broker.topic.TopicProvisioner;
import org.mudbackbone.broker.topic.TopicSettings;
import org.mudbackbone.broker.topic.Topics;

/**
 * The world keeps playing through what would otherwise stop it: an input no world can process, an
 * input whose output the broker refuses every time, and another game's world on the same broker.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class WorldLivenessTest {

    private static String namespace() {
        return "liveness-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Path log(TestInfo test, String name) {
        return Path.of("target", "world-logs", test.getTestMethod().orElseThrow().getName(), name + ".log");
    }

    /** Writes an input as a broken or hostile gateway would, straight to the input topic. */
    private static void inject(KafkaBroker broker, Topics topics, PlayerInput input) throws Exception {
        try (var producer = new KafkaProducer<String, byte[]>(ClientPresets.inputProducer(broker.bootstrapServers(), "intruder"))) {
            producer.send(new ProducerRecord<>(topics.input().name(), input.session(), JsonCodec.INPUT.encode(input))).get();
        }
    }

    private static void assertStillTheOneActiveWorld(WorldProcess world) {
        String log = world.log();
        assertEquals(1, world.timesActive(), "active once, never restarted: " + log);
        assertFalse(log.contains("failed"), log);
    }

    /**
     * An honest player logs in; {@code poison} is written to the input topic; once the world's log
     * shows {@code handled}, the honest player's next line is answered by the same, still active world.
     */
    private static void honestPlayerIsAnsweredAfter(KafkaBroker broker, String ns, TestInfo test, PlayerInput poison,
            String handled) throws Exception {
        try (WorldProcess world = WorldProcess.start(broker.bootstrapServers(), ns, "", log(test, "world"));
                GatewayNode gateway = new GatewayNode(broker.bootstrapServers(), ns, "gw");
                TelnetTestClient honest = new TelnetTestClient(gateway.telnetPort())) {
            world.awaitActive(1);
            honest.send("create Honest honest-password");
            honest.awaitText("Town Square");

            inject(broker, new Topics(ns), poison);
            Waits.until("the poison input handled", Waits.ANSWER, () -> world.log().contains(handled), world::log);
            honest.send("say still here");

            honest.awaitText("You say, \"still here\"");
            assertStillTheOneActiveWorld(world);
        }
    }

    @Test
    void anInputThatNoWorldCanProcessIsSkippedAndTheNextHonestLineIsAnswered(KafkaBroker broker, TestInfo test)
            throws Exception {
        // its gateway cannot name a topic: the world cannot send it anything
        honestPlayerIsAnsweredAfter(broker, namespace(), test, new PlayerInput.Opened("poison", "no such/gateway", 0,
                System.currentTimeMillis(), "telnet", "203.0.113.9"), "output for gateway \"no such/gateway\" dropped");
    }

    @Test
    void anInputWhoseOutputTheBrokerRefusesIsSkippedAfterBoundedRetries(KafkaBroker broker, TestInfo test)
            throws Exception {
        String ns = namespace();
        // a gateway whose output topic takes only tiny records: the welcome banner is refused every
        // time, compressed or not, while a transaction marker (78 bytes) still fits, so aborts complete
        Topic tiny = new Topics(ns).output("tiny");
        Map<String, String> config = new HashMap<>(tiny.config());
        config.put(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "150");
        new TopicProvisioner(broker.bootstrapServers(), TopicSettings.SINGLE_NODE)
                .ensure(List.of(new Topic(tiny.name(), tiny.partitions(), config)));
        honestPlayerIsAnsweredAfter(broker, ns, test, new PlayerInput.Opened("too-big", "tiny", 0,
                System.currentTimeMillis(), "telnet", "203.0.113.9"), "skipped: the broker refused its transaction");
    }

    @Test
    void twoGamesOnOneBrokerEachGetTheirOwnActiveWorld(KafkaBroker broker, TestInfo test) throws Exception {
        String first = namespace();
        String second = namespace();
        // the identities each world derives from its namespace, as in production: none given
        List<String> derived = List.of("-Dmud.world.transactional-id=", "-Dmud.world.group-id=");
        try (WorldProcess a = WorldProcess.start(broker.bootstrapServers(), first, "", log(test, "first"), derived);
                WorldProcess b = WorldProcess.start(broker.bootstrapServers(), second, "", log(test, "second"), derived);
                GatewayNode gatewayA = new GatewayNode(broker.bootstrapServers(), first, "gw");
                GatewayNode gatewayB = new GatewayNode(broker.bootstrapServers(), second, "gw");
                TelnetTestClient playerA = new TelnetTestClient(gatewayA.telnetPort());
                TelnetTestClient playerB = new TelnetTestClient(gatewayB.telnetPort())) {
            a.awaitActive(1);
            b.awaitActive(1);

            playerA.send("create Firstgame some-password");
            playerB.send("create Secondgame some-password");
            playerA.awaitText("Town Square");
            playerB.awaitText("Town Square");

            for (WorldProcess world : List.of(a, b)) {
                assertFalse(world.log().contains(WorldRestartsTest.FENCED), world.log());
                assertFalse(world.log().contains("no longer leads"), world.log());
                assertEquals(1, world.timesActive(), world.log());
            }
        }
    }
}
