package org.mudbackbone.world.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mudbackbone.broker.message.HashParams;

class StateFormatTest {

    @Test
    void everyObjectTypeRoundTrips() {
        WorldObject[] objects = {
            new Room("room:a", 1, "A", "Town", "An a.", Map.of("north", "room:b")),
            new PlayerCharacter("char:x", "X", "room:a"),
            new Account("account:x", "X", "c2FsdA==", HashParams.recommended(), "ZGlnZXN0", "char:x"),
            new SessionLink("session:s", "s", "gw", "char:x", 5, 3,
                    new PendingLogin(PendingLogin.Kind.CONNECT, "X", "c2FsdA==")),
            new TickerState("ticker:town-bell", 123_456),
            new WorldTerm(7),
            InputPositions.none().advancedTo(Map.of(0, 12L, 3, 40L)),
        };
        for (WorldObject object : objects) {
            assertEquals(object, WorldObject.CODEC.decode(WorldObject.CODEC.encode(object)).orElseThrow());
        }
    }

    @Test
    void characterFormatIsPinned() {
        assertEquals("{\"type\":\"character\",\"id\":\"char:x\",\"name\":\"X\",\"room\":\"room:a\",\"v\":1}",
                new String(WorldObject.CODEC.encode(new PlayerCharacter("char:x", "X", "room:a")), StandardCharsets.UTF_8));
    }

    @Test
    void inputPositionsMoveOnlyThePartitionsGiven() {
        InputPositions before = InputPositions.none().advancedTo(Map.of(0, 12L, 1, 5L));
        assertEquals(Map.of(0, 12L, 1, 9L, 2, 1L), before.advancedTo(Map.of(1, 9L, 2, 1L)).next());
    }

    @Test
    void unknownObjectTypesAreSkipped() {
        assertTrue(WorldObject.CODEC.decode("{\"type\":\"dragon\",\"id\":\"d\"}".getBytes(StandardCharsets.UTF_8)).isEmpty());
    }
}
