package org.mudbackbone.world.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mudbackbone.broker.message.HashParams;

/**
 * State written by the first release (format v1), pinned in files under {@code state-v1/}: a world
 * built from newer code must still read it, since the state topic outlives every deployment.
 * Never edit these files; add a new folder for a new version.
 */
class OldStateFormatsTest {

    private static WorldObject read(String file) throws IOException {
        try (InputStream in = OldStateFormatsTest.class.getResourceAsStream("/state-v1/" + file)) {
            return WorldObject.CODEC.decode(in.readAllBytes()).orElseThrow();
        }
    }

    @Test
    void readsAV1Room() throws IOException {
        assertEquals(new Room("room:square", 1, "Town Square", "Town", "Cobbles worn smooth.",
                Map.of("north", "room:north-road", "east", "room:market")), read("room.json"));
    }

    @Test
    void readsAV1Character() throws IOException {
        assertEquals(new PlayerCharacter("char:oldtimer", "Oldtimer", "room:square"), read("character.json"));
    }

    @Test
    void readsAV1Account() throws IOException {
        assertEquals(new Account("account:oldtimer", "Oldtimer", "c2FsdHNhbHRzYWx0c2FsdA==",
                new HashParams("argon2id", 19456, 2, 1, 32), "3q2+7w==", "char:oldtimer"), read("account.json"));
    }

    @Test
    void readsAV1SessionWithALoginInProgress() throws IOException {
        assertEquals(new SessionLink("session:abc", "abc", "gw1", "char:oldtimer", 42, 17,
                new PendingLogin(PendingLogin.Kind.CONNECT, "Oldtimer", "c2FsdA==")), read("session.json"));
    }

    @Test
    void fieldsAnOlderWriterLeftOutTakeDefaults() {
        WorldObject room = WorldObject.CODEC.decode(
                "{\"type\":\"room\",\"id\":\"room:x\",\"name\":\"X\",\"description\":\"d\"}".getBytes()).orElseThrow();
        assertEquals(new Room("room:x", 0, "X", null, "d", Map.of()), room);
    }

    @Test
    void fieldsANewerWriterAddedAreIgnored() {
        WorldObject character = WorldObject.CODEC.decode(("{\"type\":\"character\",\"v\":2,\"id\":\"char:x\","
                + "\"name\":\"X\",\"room\":\"room:a\",\"title\":\"the Bold\"}").getBytes()).orElseThrow();
        assertEquals(new PlayerCharacter("char:x", "X", "room:a"), character);
    }
}
