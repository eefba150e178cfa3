package org.mudbackbone.world.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mudbackbone.broker.message.GameOutput;
import org.mudbackbone.world.model.PlayerCharacter;
import org.mudbackbone.world.model.SessionLink;

class CommandsTest {

    private final CommandTester world = new CommandTester();

    @Test
    void lookShowsTheRoomItsExitsAndWhoIsHere() {
        String alice = world.player("Alice");
        world.player("Bob");
        world.call(alice, "look", "Town Square");
        world.call(alice, "l", "Exits: north, east, west, south");
        world.call(alice, "look", "Here: Bob");
    }

    @Test
    void sayReachesEveryoneInTheRoomOnly() {
        String alice = world.player("Alice");
        String bob = world.player("Bob");
        String carol = world.player("Carol");
        world.type(carol, "north");

        Map<String, List<String>> out = world.type(alice, "say Hello there");

        assertEquals(List.of("You say, \"Hello there\""), out.get(alice));
        assertEquals(List.of("Alice says, \"Hello there\""), out.get(bob));
        assertFalse(out.containsKey(carol));
    }

    @Test
    void shorthandsForSayAndEmote() {
        String alice = world.player("Alice");
        world.call(alice, "'hi", "You say, \"hi\"");
        world.call(alice, ":waves.", "Alice waves.");
        world.call(alice, "emote grins", "Alice grins");
    }

    @Test
    void playerTextCannotOpenMarkup() {
        String alice = world.player("Alice");
        String bob = world.player("Bob");
        world.type(alice, "say {red}boo{/}");
        GameOutput.Text heard = world.sent().stream()
                .filter(o -> o instanceof GameOutput.Text t && t.session().equals(bob))
                .map(GameOutput.Text.class::cast).reduce((a, b) -> b).orElseThrow();
        assertTrue(heard.markup().contains("{{red}boo{{/}"), heard.markup());
    }

    @Test
    void movingByDirectionAliasAndExitNameTellsBothRooms() {
        String alice = world.player("Alice");
        String bob = world.player("Bob");
        Map<String, List<String>> out = world.type(alice, "n");
        assertTrue(out.get(alice).get(0).startsWith("North Road"), out.toString());
        assertEquals(List.of("Alice leaves north."), out.get(bob));

        world.type(bob, "north");
        world.call(alice, "look", "Here: Bob");
        world.call(alice, "go south", "Town Square");
        world.call(alice, "w", "The Drowned Lantern");
        world.call(alice, "up", "Tavern Loft");
        world.call(alice, "e", "You cannot go that way.");
        assertEquals("room:loft", ((PlayerCharacter) world.state.get("char:alice")).room());
    }

    @Test
    void whoListsThePlayersOnline() {
        String alice = world.player("Alice");
        world.player("Bob");
        world.call(alice, "who", "Players online (2):\n  Alice\n  Bob");
    }

    @Test
    void helpListsCommandsAndExplainsOne() {
        String alice = world.player("Alice");
        world.call(alice, "help", "say - speak to everyone in the room");
        world.call(alice, "help go", "north (n)");
        world.call(alice, "dance", "Huh?");
    }

    @Test
    void quitDisconnectsAndTellsTheRoom() {
        String alice = world.player("Alice");
        String bob = world.player("Bob");
        Map<String, List<String>> out = world.type(alice, "quit");
        assertEquals(List.of("Alice has left the game."), out.get(bob));
        assertTrue(world.sent().stream().anyMatch(o -> o instanceof GameOutput.Disconnect d && d.session().equals(alice)));
        assertNull(world.state.get(SessionLink.idFor(alice)));
        world.call(bob, "who", "Players online (1)");
    }

    @Test
    void aColourChoiceIsKeptWithTheCharacterAndSentToItsSessions() {
        String alice = world.player("Alice");
        world.call(alice, "colour 256", "Colours set to 256.");
        assertEquals(256, ((PlayerCharacter) world.state.get("char:alice")).colours());
        assertTrue(world.sent().stream().anyMatch(o -> o instanceof GameOutput.Preferences p
                && p.session().equals(alice) && Integer.valueOf(256).equals(p.colours())));
        world.call(alice, "colour auto", "Colours set to auto.");
        assertNull(((PlayerCharacter) world.state.get("char:alice")).colours());
        world.call(alice, "colour", "Colours: auto");
    }

    @Test
    void lookSendsRoomInfoForMappers() {
        String alice = world.player("Alice");
        world.type(alice, "look");
        GameOutput.Oob info = world.sent().stream()
                .filter(o -> o instanceof GameOutput.Oob oob && oob.pkg().equals("Room.Info"))
                .map(GameOutput.Oob.class::cast).reduce((a, b) -> b).orElseThrow();
        assertEquals("{\"num\":1,\"name\":\"Town Square\",\"area\":\"Town\","
                + "\"exits\":{\"north\":2,\"east\":3,\"west\":4,\"south\":6}}", info.json());
    }

    @Test
    void outputSequenceNumbersOnlyGrowPerSession() {
        String alice = world.player("Alice");
        world.type(alice, "look");
        world.type(alice, "say one");
        List<Long> seqs = world.sent().stream().filter(o -> o.session().equals(alice)).map(GameOutput::seq).toList();
        for (int i = 0; i < seqs.size(); i++) {
            assertEquals((long) i, seqs.get(i));
        }
    }
}
