package org.mudbackbone.systemtest;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mudbackbone.broker.testing.EmbeddedKafkaExtension;
import org.mudbackbone.broker.testing.KafkaBroker;
import org.mudbackbone.world.engine.GatewayWatch;

/**
 * A gateway killed with SIGKILL says nothing more; the world notices from its missing heartbeats
 * within the gateway timeout and its players go link-dead (the room hears it, {@code who} marks
 * them), a player on the gateway that lives plays on, and the dead gateway's player reconnects
 * through it and takes the character back.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class DeadGatewayTest {

    private static final String PASSWORD = "correct-horse-battery";

    private static Path log(TestInfo test, String name) {
        return Path.of("target", "world-logs", test.getTestMethod().orElseThrow().getName(), name + ".log");
    }

    @Test
    void aKilledGatewaysPlayersGoLinkDeadWithinTheTimeoutAndReconnectThroughAnother(KafkaBroker broker, TestInfo test) throws Exception {
        String ns = "dead-" + UUID.randomUUID().toString().substring(0, 8);
        try (WorldProcess world = WorldProcess.start(broker.bootstrapServers(), ns, "", log(test, "world"));
                GatewayProcess doomed = GatewayProcess.start(broker.bootstrapServers(), ns, "gw-doomed", log(test, "gw-doomed"));
                GatewayNode lasting = new GatewayNode(broker.bootstrapServers(), ns, "gw-lasting");
                TelnetTestClient ghost = new TelnetTestClient(doomed.telnetPort());
                TelnetTestClient survivor = new TelnetTestClient(lasting.telnetPort())) {
            world.awaitActive(1);
            ghost.awaitText("Welcome to the MUD backbone");
            ghost.send("create Ghostly " + PASSWORD);
            ghost.awaitText("Town Square");
            survivor.awaitText("Welcome to the MUD backbone");
            survivor.send("create Survivor " + PASSWORD);
            survivor.awaitText("Town Square");
            survivor.send("who");
            survivor.awaitText("Ghostly");

            long killedAt = System.nanoTime();
            doomed.kill();
            Duration bound = GatewayWatch.DEFAULT_TIMEOUT.plus(Waits.ANSWER);
            Waits.until("the room told that the dead gateway's player lost their link", bound,
                    () -> survivor.text().contains("Ghostly has lost their link."), survivor::text);
            System.out.printf("the world noticed the dead gateway %.1f s after the kill%n",
                    (System.nanoTime() - killedAt) / 1e9);
            survivor.send("say still here");
            survivor.awaitText("You say, \"still here\"");
            survivor.send("who");
            survivor.awaitText("Ghostly (link-dead)");
            try (TelnetTestClient back = new TelnetTestClient(lasting.telnetPort())) {
                back.awaitText("Welcome to the MUD backbone");
                back.send("connect Ghostly " + PASSWORD);
                back.awaitText("Welcome back, Ghostly.");
                survivor.awaitText("Ghostly has reconnected.");
                survivor.send("who");
                survivor.awaitText("Players online (2):");
                assertTrue(!survivor.text().substring(survivor.text().lastIndexOf("Players online (2):")).contains("link-dead"),
                        "taken back: " + survivor.text());
                back.send("say back through the other gateway");
                survivor.awaitText("Ghostly says, \"back through the other gateway\"");
            }
            assertTrue(world.log().contains("gateway gw-doomed lost"), world.log());
        }
    }
}
