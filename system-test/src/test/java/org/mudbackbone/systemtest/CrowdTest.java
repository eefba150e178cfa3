package org.mudbackbone.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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
 * A crowd arrives in one room and leaves at once, twice: every arrival is announced to everyone
 * there, so the world has a million outputs to make, and must stay a busy world, never a dead one:
 * no "restarting" notice, no lost lead, every login answered and every "Goodbye!" delivered.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class CrowdTest {

    /**
     * 300 by default, to keep the suite short: the work grows with the square of the crowd (each
     * arrival is told to everyone there), and 1,000 takes about 160 s here. Run the figure
     * with {@code -Dmud.crowd=1000} (README: figures).
     */
    private static final int CROWD = Integer.getInteger("mud.crowd", 300);

    @Test
    void aCrowdLogsInAndOutOfOneRoomAtOnceAndTheWorldNeverSeemsToRestart(KafkaBroker broker, TestInfo test)
            throws Exception {
        String ns = "crowd-" + UUID.randomUUID().toString().substring(0, 8);
        Path log = Path.of("target", "world-logs", test.getTestMethod().orElseThrow().getName(), "world.log");
        try (WorldProcess world = WorldProcess.start(broker.bootstrapServers(), ns, "", log);
                GatewayNode gateway = new GatewayNode(broker.bootstrapServers(), ns, "gw")) {
            world.awaitActive(1);
            long started = System.nanoTime();
            List<TelnetTestClient> seen = new ArrayList<>();
            try (PlayerLoad crowd = new PlayerLoad(gateway.telnetPort(), CROWD, "Cw")) {
                System.out.printf("%d players created characters in %d ms%n", CROWD, millisSince(started));
                quitAll(crowd.players());
                seen.addAll(crowd.players());
            }
            started = System.nanoTime();
            List<TelnetTestClient> again = new ArrayList<>();
            try {
                for (int i = 0; i < CROWD; i++) {
                    TelnetTestClient player = new TelnetTestClient(gateway.telnetPort());
                    again.add(player);
                    player.send("connect " + PlayerLoad.name("Cw", i) + " " + PlayerLoad.password(i));
                }
                for (int i = 0; i < CROWD; i++) {
                    again.get(i).awaitText("Welcome back, " + PlayerLoad.name("Cw", i));
                }
                System.out.printf("%d players connected again in %d ms%n", CROWD, millisSince(started));
                quitAll(again);
                seen.addAll(again);
            } finally {
                for (TelnetTestClient player : again) {
                    player.close();
                }
            }

            for (TelnetTestClient player : seen) {
                assertFalse(player.text().contains("The world is restarting"), player.text());
            }
            String worldLog = world.log();
            assertEquals(1, world.timesActive(), worldLog);
            assertFalse(worldLog.contains("no longer leads") || worldLog.contains("lost the lead"), worldLog);
        }
    }

    private static void quitAll(List<TelnetTestClient> players) {
        long started = System.nanoTime();
        players.forEach(p -> p.send("quit"));
        players.forEach(p -> p.awaitText("Goodbye!"));
        System.out.printf("%d players quit in %d ms%n", players.size(), millisSince(started));
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
