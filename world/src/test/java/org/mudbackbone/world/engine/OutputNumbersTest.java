package org.mudbackbone.world.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mudbackbone.broker.message.PlayerInput;
import org.mudbackbone.world.command.WorldRules;
import org.mudbackbone.world.model.PlayerCharacter;
import org.mudbackbone.world.model.SessionLink;
import org.mudbackbone.world.model.WorldObject;

class OutputNumbersTest {

    private final InputHandler handler = new InputHandler(new WorldRules(Seed.START_ROOM, null));

    /** A world in {@code term} with seeded rooms, and players a and b in the start room. */
    private static WorldState world(long term) {
        WorldState state = new WorldState();
        Seed.rooms().forEach(r -> state.load(r.id(), r));
        for (String name : List.of("a", "b")) {
            state.load("char:" + name, new PlayerCharacter("char:" + name, name.toUpperCase(), Seed.START_ROOM));
            state.load("session:" + name, new SessionLink("session:" + name, name, "gw", "char:" + name, 0, 0, null));
        }
        state.startTerm(term);
        return state;
    }

    private List<Long> say(WorldState state, String session, long inputSeq) {
        Transaction tx = state.begin();
        Outbox outbox = new Outbox();
        handler.handleBatch(tx, outbox, List.of(new PlayerInput.Line(session, "gw", inputSeq, System.currentTimeMillis(), "say hi")));
        state.commit(tx);
        return outbox.envelopes().stream().filter(e -> e.output().session().equals("b")).map(e -> e.output().seq()).toList();
    }

    @Test
    void aSayHeardByARoomWritesNoStateForItsListeners() {
        WorldState state = world(1);
        Transaction tx = state.begin();
        Outbox outbox = new Outbox();

        handler.handleBatch(tx, outbox, List.of(new PlayerInput.Line("a", "gw", 1, System.currentTimeMillis(), "say hi")));

        Map<String, WorldObject> changes = tx.changes();
        assertEquals(List.of("session:a"), List.copyOf(changes.keySet()), "only the speaker's last input is state");
        assertTrue(outbox.envelopes().stream().anyMatch(e -> e.output().session().equals("b")));
    }

    @Test
    void numbersGrowWithinATermAndAcrossTerms() {
        WorldState first = world(1);
        List<Long> before = say(first, "a", 1);
        List<Long> after = say(first, "a", 2);
        assertTrue(after.get(0) > before.get(before.size() - 1), before + " then " + after);

        WorldState next = world(2); // a restarted world: memory rebuilt from state, a new term
        List<Long> restarted = say(next, "a", 3);

        assertTrue(restarted.get(0) > after.get(after.size() - 1), after + " then, next term, " + restarted);
    }

    @Test
    void numbersTakenByAnAbortedTransactionAreTakenAgain() {
        WorldState state = world(1);
        Transaction aborted = state.begin();
        Outbox lost = new Outbox();
        handler.handleBatch(aborted, lost, List.of(new PlayerInput.Line("a", "gw", 1, System.currentTimeMillis(), "say hi")));
        // not committed: Kafka aborted it, so the gateway never saw these numbers

        List<Long> done = say(state, "a", 1);

        assertEquals(lost.envelopes().stream().filter(e -> e.output().session().equals("b")).map(e -> e.output().seq()).toList(),
                done);
    }
}
