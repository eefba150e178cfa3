package org.mudbackbone.systemtest;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mudbackbone.broker.testing.EmbeddedKafkaExtension;
import org.mudbackbone.broker.testing.KafkaBroker;

/**
 * Several gateways share one broker and one world, and each reads only the output of its own
 * sessions: the same conversation (4 players in one room, 6 lines each) read through one gateway,
 * then through four holding one player each. Prints the bytes each gateway's output reader fetched.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class ManyGatewaysTest {

    private static final int PLAYERS = 4;
    private static final int LINES = 6;

    @Test
    void eachOfFourGatewaysReadsAboutAQuarterOfWhatOneGatewayReads(KafkaBroker broker) throws Exception {
        try (Stack stack = Stack.start(broker.bootstrapServers())) {
            String ns = stack.namespace();
            double solo;
            try (GatewayNode one = new GatewayNode(broker.bootstrapServers(), ns, "gw-solo")) {
                solo = converse(List.of(one, one, one, one), "So");
            }
            List<GatewayNode> four = new ArrayList<>();
            try {
                for (int g = 0; g < 4; g++) {
                    four.add(new GatewayNode(broker.bootstrapServers(), ns, "gw-" + g));
                }
                List<Double> each = new ArrayList<>();
                List<Double> before = new ArrayList<>();
                for (GatewayNode gateway : four) {
                    before.add(gateway.outputBytesRead());
                }
                converseOn(four, "Qu");
                for (int g = 0; g < 4; g++) {
                    each.add(four.get(g).outputBytesRead() - before.get(g));
                }
                System.out.printf("output bytes read for the same conversation: one gateway %,.0f; four gateways %s"
                        + " (%,.0f in all)%n", solo, each.stream().map(b -> String.format("%,.0f", b)).toList(),
                        each.stream().mapToDouble(Double::doubleValue).sum());
                for (double bytes : each) {
                    assertTrue(bytes > 0 && bytes <= solo / 2, "each of four gateways reads its own sessions' output only: "
                            + each + " against " + solo + " through one");
                }
            } finally {
                for (GatewayNode gateway : four) {
                    gateway.close();
                }
            }
        }
    }

    /** The conversation with players spread round-robin over {@code gateways}; bytes read by the first gateway. */
    private static double converse(List<GatewayNode> gateways, String prefix) throws Exception {
        double before = gateways.get(0).outputBytesRead();
        converseOn(gateways, prefix);
        return gateways.get(0).outputBytesRead() - before;
    }

    private static void converseOn(List<GatewayNode> gateways, String prefix) throws Exception {
        List<TelnetTestClient> players = new ArrayList<>();
        try {
            for (int i = 0; i < PLAYERS; i++) {
                TelnetTestClient player = new TelnetTestClient(gateways.get(i % gateways.size()).telnetPort());
                players.add(player);
                player.awaitText("Welcome to the MUD backbone");
                player.send("create " + PlayerLoad.name(prefix, i) + " " + PlayerLoad.password(i));
                player.awaitText("Town Square");
            }
            String last = PlayerLoad.name(prefix, PLAYERS - 1);
            for (TelnetTestClient player : players.subList(0, PLAYERS - 1)) {
                player.awaitText(last + " has connected.");
            }
            for (int k = 0; k < LINES; k++) {
                for (int i = 0; i < PLAYERS; i++) {
                    players.get(i).send("say line " + k + " from " + i);
                }
            }
            for (TelnetTestClient player : players) {
                player.awaitText("line " + (LINES - 1) + " from " + (PLAYERS - 1) + "\"");
            }
            for (TelnetTestClient player : players) {
                player.send("quit");
                player.awaitText("Goodbye");
            }
        } finally {
            for (TelnetTestClient player : players) {
                player.close();
            }
        }
    }
}
