package org.mudbackbone.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mudbackbone.broker.testing.EmbeddedKafkaExtension;
import org.mudbackbone.broker.testing.KafkaBroker;

/**
 * A browser player's gateway dies (SIGKILL) or goes away (SIGTERM); the client reconnects to
 * another gateway with its token and the last output it saw, and continues with every line it
 * missed shown once, in order.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class ResumeAcrossGatewaysTest {

    private static final String PASSWORD = "correct-horse-battery";
    private static final int LINES = 20;

    private static Path log(TestInfo test, String name) {
        return Path.of("target", "world-logs", test.getTestMethod().orElseThrow().getName(), name + ".log");
    }

    @Test
    void aSessionWhoseGatewayWasKilledResumesOnAnotherWithNothingMissedOrDoubled(KafkaBroker broker, TestInfo test)
            throws Exception {
        resumeAfter(broker, test, true);
    }

    @Test
    void aSessionWhoseGatewayShutDownResumesOnAnotherWithNothingMissedOrDoubled(KafkaBroker broker, TestInfo test)
            throws Exception {
        resumeAfter(broker, test, false);
    }

    private void resumeAfter(KafkaBroker broker, TestInfo test, boolean crash) throws Exception {
        String ns = "resume-" + UUID.randomUUID().toString().substring(0, 8);
        String hero = crash ? "Wanderer" : "Traveller";
        try (WorldProcess world = WorldProcess.start(broker.bootstrapServers(), ns, "", log(test, "world"));
                GatewayProcess first = GatewayProcess.start(broker.bootstrapServers(), ns, "gw-a", log(test, "gw-a"));
                GatewayNode second = new GatewayNode(broker.bootstrapServers(), ns, "gw-b");
                TelnetTestClient talker = new TelnetTestClient(second.telnetPort())) {
            world.awaitActive(1);
            WebSocketTestClient before = new WebSocketTestClient(first.webPort(), WebSocketTestClient.JSON);
            before.hello();
            String token = before.awaitMessage("session").path("token").asText();
            before.line("create " + hero + " " + PASSWORD);
            before.awaitText("Town Square");
            talker.awaitText("Welcome to the MUD backbone");
            talker.send("create Talker" + (crash ? "k" : "s") + " " + PASSWORD);
            talker.awaitText("Town Square");

            for (int i = 1; i <= LINES / 2; i++) {
                talker.send("say line " + i);
            }
            before.awaitText("says, \"line " + LINES / 2 + "\"");
            long lastSeen = before.lastSeq();
            if (crash) {
                first.kill();
            } else {
                first.stop();
            }
            Waits.until("the client's connection closed", Waits.ANSWER, before::closed, before::text);
            for (int i = LINES / 2 + 1; i <= LINES; i++) {
                talker.send("say line " + i); // said while the player has no gateway
            }
            talker.awaitText("You say, \"line " + LINES + "\"");

            try (WebSocketTestClient after = new WebSocketTestClient(second.webPort(), WebSocketTestClient.JSON)) {
                after.resume(token, lastSeen);
                after.awaitMessage("resumed");
                after.awaitText("says, \"line " + LINES + "\"");
                List<Integer> heard = new ArrayList<>(Names.linesSaid(before.plain()));
                heard.addAll(Names.linesSaid(after.plain()));
                assertEquals(Names.oneTo(LINES), heard, "every line heard once, in order, across the gateways");
                assertTrue(!after.plain().contains("no longer kept"), "nothing reported missing: " + after.plain());

                after.line("say back on the other gateway");
                talker.awaitText(hero + " says, \"back on the other gateway\"");
                assertTrue(world.log().contains("resumed on gateway gw-b"), world.log());
            }
            before.close();
        }
    }
}
