package org.mudbackbone.bench.player;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlayerNamesTest {

    @Test
    void writesTheIndexInLetters() {
        PlayerNames names = PlayerNames.withPrefix("Load");
        assertEquals("Loada", names.name(0));
        assertEquals("Loadz", names.name(25));
        assertEquals("Loadba", names.name(26));
    }

    @Test
    void givesUniqueValidNamesForAHundredThousandPlayers() {
        PlayerNames names = PlayerNames.withRandom(new Random(42));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            String name = names.name(i);
            assertTrue(name.matches("[A-Za-z]{2,20}"), name);
            assertTrue(seen.add(name.toLowerCase()), "twice: " + name);
        }
    }

    @Test
    void spreadsPlayersOverLoopbackSourceAddresses() {
        SourceAddresses sources = SourceAddresses.forTarget("127.0.0.1", 50_000, 0);
        assertEquals(3, sources.all().size());
        assertEquals("127.0.0.2", sources.forPlayer(0).getHostString());
        assertEquals("127.0.0.4", sources.forPlayer(5).getHostString());
    }
}
