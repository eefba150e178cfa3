package org.mudbackbone.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mudbackbone.broker.testing.EmbeddedKafkaExtension;
import org.mudbackbone.broker.testing.KafkaBroker;

/**
 * The world goes away (stopped, killed, paused) while 50 telnet players keep talking; every line
 * is done once, in order, and nobody is disconnected. Worlds are real processes; the gateway and
 * the broker are real servers.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class WorldRestartsTest {

    /** What a world logs when another instance has taken its transactional ID. */
    static final String FENCED = "fenced: another instance took over";

    private static final int PLAYERS = 50;
    /** Two lines a second each, as the issue measured: 100 says a second, 5,000 deliveries, in one room. */
    private static final long SAY_EVERY_MS = 500;

    /**
     * Five kills in a row keep the world away for most of a minute on a busy machine: each new world
     * JVM needs 6-9 s to start there, and each lives only 0.2-2.2 s before the next kill, too short
     * to catch up. Lines typed just after the first kill are then older than the 60 s input age
     * limit when a world stays up, and are rightly dropped with a notice (measured: up to 69 s; the
     * world logs each transaction whose inputs waited over 5 s). The age limit is a policy with tests
     * of its own (InputAgeTest); this test proves that nothing is lost or doubled, so it lifts it.
     */
    private static final List<String> NO_AGE_LIMIT = List.of("-Dmud.world.max-input-age-seconds=600");

    private static String namespace() {
        return "restarts-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Path log(TestInfo test, String name) {
        return Path.of("target", "world-logs", test.getTestMethod().orElseThrow().getName(), name + ".log");
    }

    private static void assertExactlyOnce(String what, PlayerLoad players, PlayerLoad.Counts counts) {
        System.out.println(what + ": " + counts + "; connections dropped " + players.dropped());
        assertTrue(counts.sent() > 0);
        assertEquals(0, counts.lost(), what + ": lost");
        assertEquals(0, counts.duplicated(), what + ": duplicated");
        assertEquals(0, counts.outOfOrder(), what + ": out of order");
        assertEquals(0, players.dropped(), what + ": dropped connections");
    }

    @Test
    void gracefulRestartsLoseNothingAndDoubleNothing(KafkaBroker broker, TestInfo test) throws Exception {
        String ns = namespace();
        WorldProcess world = WorldProcess.start(broker.bootstrapServers(), ns, "", log(test, "world-1"));
        try (GatewayNode gateway = new GatewayNode(broker.bootstrapServers(), ns, "gw");
                PlayerLoad players = new PlayerLoad(gateway.telnetPort(), PLAYERS, "Gr")) {
            players.startSaying(SAY_EVERY_MS);
            for (int restart = 1; restart <= 3; restart++) {
                Thread.sleep(1500); // let the players talk to a live world for a while: load, not a wait
                world.stop();
                world = WorldProcess.start(broker.bootstrapServers(), ns, "", log(test, "world-" + (restart + 1)));
                world.awaitActive(1);
            }
            players.players().get(0).awaitText("The world is back.");
            players.stopSaying();

            assertExactlyOnce("3 graceful restarts", players, players.awaitAndCount(Waits.SETTLE));
            assertTrue(players.players().get(0).text().contains("The world is restarting"));
        } finally {
            world.close();
        }
    }

    @Test
    void crashesAtRandomMomentsLoseNothingAndDoubleNothing(KafkaBroker broker, TestInfo test) throws Exception {
        long seed = Long.getLong("mud.chaos.seed", System.nanoTime());
        System.out.println("crash chaos seed: " + seed + " (replay with -Dmud.chaos.seed=" + seed + ")");
        Random random = new Random(seed);
        String ns = namespace();
        // a stable instance name: a world restarted after a crash leads at once
        WorldProcess world = WorldProcess.start(broker.bootstrapServers(), ns, "world-a", log(test, "world-1"), NO_AGE_LIMIT);
        try (GatewayNode gateway = new GatewayNode(broker.bootstrapServers(), ns, "gw");
                PlayerLoad players = new PlayerLoad(gateway.telnetPort(), PLAYERS, "Cr")) {
            world.awaitActive(1);
            players.startSaying(SAY_EVERY_MS);
            for (int kill = 1; kill <= 5; kill++) {
                Thread.sleep(200 + random.nextInt(2000)); // the random moment of the crash
                world.kill();
                world = WorldProcess.start(broker.bootstrapServers(), ns, "world-a", log(test, "world-" + (kill + 1)),
                        NO_AGE_LIMIT);
                world.awaitActive(1);
            }
            players.stopSaying();

            assertExactlyOnce("5 kill -9 (seed " + seed + ")", players, players.awaitAndCount(Waits.SETTLE));
        } finally {
            world.close();
        }
    }

    @Test
    void standbyTakesOverWhenTheActiveWorldIsKilled(KafkaBroker broker, TestInfo test) throws Exception {
        String ns = namespace();
        try (WorldProcess active = WorldProcess.start(broker.bootstrapServers(), ns, "world-a", log(test, "active"));
                GatewayNode gateway = new GatewayNode(broker.bootstrapServers(), ns, "gw");
                PlayerLoad players = new PlayerLoad(gateway.telnetPort(), PLAYERS, "Sb")) {
            active.awaitActive(1);
            try (WorldProcess standby = WorldProcess.start(broker.bootstrapServers(), ns, "world-b", log(test, "standby"))) {
                standby.awaitStandingBy();
                players.startSaying(SAY_EVERY_MS);
                Thread.sleep(1500);

                long killedAt = System.nanoTime();
                active.kill();
                standby.awaitActive(1);
                System.out.printf("standby active %d ms after the kill%n", (System.nanoTime() - killedAt) / 1_000_000);
                Thread.sleep(1500);
                players.stopSaying();

                assertExactlyOnce("active killed, standby took over", players, players.awaitAndCount(Waits.SETTLE));
            }
        }
    }

    @Test
    void aPausedOldWorldCannotCommitAfterTheStandbyTookOver(KafkaBroker broker, TestInfo test) throws Exception {
        String ns = namespace();
        try (WorldProcess old = WorldProcess.start(broker.bootstrapServers(), ns, "world-a", log(test, "old"));
                GatewayNode gateway = new GatewayNode(broker.bootstrapServers(), ns, "gw");
                PlayerLoad players = new PlayerLoad(gateway.telnetPort(), 10, "Fe")) {
            old.awaitActive(1);
            try (WorldProcess standby = WorldProcess.start(broker.bootstrapServers(), ns, "world-b", log(test, "standby"))) {
                standby.awaitStandingBy();
                players.startSaying(SAY_EVERY_MS);

                old.pause();
                standby.awaitActive(1);
                old.resume();
                // the old world wakes with a batch in hand and its lead gone: it must not commit it, and
                // it must step down within the bound the README states (the two worlds both say ACTIVE
                // no longer than that)
                long resumedAt = System.nanoTime();
                Waits.until("old world steps down", Waits.STEP_DOWN, () -> old.log().contains(FENCED)
                        || old.log().contains("no longer leads") || old.log().contains("lost the lead"), old::log);
                System.out.printf("old world stepped down %d ms after resuming (bound %d ms)%n",
                        (System.nanoTime() - resumedAt) / 1_000_000, Waits.STEP_DOWN.toMillis());
                Thread.sleep(1500);
                players.stopSaying();

                assertExactlyOnce("old world paused, standby took over, old resumed", players,
                        players.awaitAndCount(Waits.SETTLE));
                assertEquals(1, old.timesActive(), "the old world never became active again");
                System.out.println("old world after resuming: "
                        + (old.log().contains(FENCED) ? "fenced on commit" : "stepped down before committing"));
            }
        }
    }
}
