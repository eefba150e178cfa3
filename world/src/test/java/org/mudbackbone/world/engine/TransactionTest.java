package org.mudbackbone.world.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mudbackbone.broker.message.PlayerInput;
import org.mudbackbone.broker.message.GameOutput;
import org.mudbackbone.world.command.Command;
import org.mudbackbone.world.command.CommandCall;
import org.mudbackbone.world.command.Commands;
import org.mudbackbone.world.command.WorldRules;
import org.mudbackbone.world.model.SessionLink;
import org.mudbackbone.world.model.PlayerCharacter;

class TransactionTest {

    @Test
    void changesAreSeenInsideAndNotOutsideUntilApplied() {
        WorldState state = new WorldState();
        state.load("char:a", new PlayerCharacter("char:a", "A", "room:1"));
        Transaction tx = state.begin();

        tx.put(new PlayerCharacter("char:a", "A", "room:2"));
        tx.put(new PlayerCharacter("char:b", "B", "room:2"));

        assertEquals(Set.of("char:a", "char:b"), tx.find(state.contents, "room:2"));
        assertEquals(Set.of(), tx.find(state.contents, "room:1"));
        assertEquals(Set.of("char:a"), state.contents.lookup("room:1"));
        assertNull(state.get("char:b"));

        state.apply(tx.changes());
        assertEquals(Set.of("char:a", "char:b"), state.contents.lookup("room:2"));
    }

    @Test
    void findSeesObjectsMovedAwayAndBackDeletedAndMovedInANestedTransaction() {
        WorldState state = new WorldState();
        state.load("char:a", new PlayerCharacter("char:a", "A", "room:1"));
        state.load("char:b", new PlayerCharacter("char:b", "B", "room:1"));
        Transaction tx = state.begin();

        tx.put(new PlayerCharacter("char:a", "A", "room:2"));
        tx.put(new PlayerCharacter("char:a", "A", "room:1"));
        tx.delete("char:b");
        Transaction nested = tx.nested();
        nested.put(new PlayerCharacter("char:c", "C", "room:1"));
        nested.put(new PlayerCharacter("char:a", "A", "room:3"));

        assertEquals(Set.of("char:a"), tx.find(state.contents, "room:1"), "back where it was; b deleted");
        assertEquals(Set.of("char:c"), nested.find(state.contents, "room:1"));
        assertEquals(Set.of("char:a"), nested.find(state.contents, "room:3"));
        nested.mergeIntoParent();
        assertEquals(Set.of("char:c"), tx.find(state.contents, "room:1"));
        assertEquals(Set.of("char:a"), tx.find(state.contents, "room:3"));
        assertEquals(Set.of(), tx.find(state.contents, "room:2"));

        state.apply(tx.changes());
        assertEquals(Set.of("char:c"), state.contents.lookup("room:1"));
        assertEquals(Set.of("char:a"), state.contents.lookup("room:3"));
    }

    @Test
    void playersOnlineCountsCharactersNotSessions() {
        WorldState state = new WorldState();
        state.load("session:s1", new SessionLink("session:s1", "s1", "gw", "char:a", 0, 0, null));
        state.load("session:s2", new SessionLink("session:s2", "s2", "gw", "char:a", 0, 0, null));
        state.load("session:s3", new SessionLink("session:s3", "s3", "gw", "char:b", 0, 0, null));
        state.load("session:s4", new SessionLink("session:s4", "s4", "gw", null, 0, 0, null));
        assertEquals(2, state.playersOnline());
    }

    @Test
    void aFailingInputIsUndoneAloneAndTheOthersStand() {
        WorldState state = new WorldState();
        Seed.rooms().forEach(r -> state.load(r.id(), r));
        state.load("char:a", new PlayerCharacter("char:a", "A", Seed.START_ROOM));
        state.load("session:s1", new SessionLink("session:s1", "s1", "gw", "char:a", 0, 0, null));
        Command boom = new Command() {
            @Override
            public String key() {
                return "boom";
            }

            @Override
            public String help() {
                return "boom - fails half way";
            }

            @Override
            public void execute(CommandCall call) {
                call.game().put(call.caller().moveTo("room:market"));
                call.msg("half done");
                throw new IllegalStateException("bug in a command");
            }
        };
        WorldRules rules = new WorldRules(Seed.START_ROOM, null);
        InputHandler handler = new InputHandler(rules, new Commands(rules, boom), java.time.Duration.ofSeconds(60), System::currentTimeMillis, List.of());
        Transaction tx = state.begin();
        Outbox outbox = new Outbox();

        handler.handleBatch(tx, outbox, List.of(
                new PlayerInput.Line("s1", "gw", 1, System.currentTimeMillis(), "north"),
                new PlayerInput.Line("s1", "gw", 2, System.currentTimeMillis(), "boom"),
                new PlayerInput.Line("s1", "gw", 3, System.currentTimeMillis(), "say still here")));

        assertEquals("room:north-road", tx.get("char:a", PlayerCharacter.class).room());
        List<String> texts = outbox.envelopes().stream().map(Outbox.Envelope::output)
                .filter(o -> o instanceof GameOutput.Text).map(o -> ((GameOutput.Text) o).markup()).toList();
        assertFalse(texts.contains("half done"), texts.toString());
        assertTrue(texts.stream().anyMatch(t -> t.contains("Something went wrong")), texts.toString());
        assertTrue(texts.stream().anyMatch(t -> t.contains("still here")), texts.toString());
    }
}
