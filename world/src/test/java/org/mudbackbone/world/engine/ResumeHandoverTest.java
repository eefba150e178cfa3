package org.mudbackbone.world.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mudbackbone.broker.message.GameOutput;
import org.mudbackbone.broker.message.PlayerInput;
import org.mudbackbone.world.command.Commands;
import org.mudbackbone.world.command.WorldRules;
import org.mudbackbone.world.model.PlayerCharacter;
import org.mudbackbone.world.model.SessionLink;

/** A session handed from one gateway to another by its client's resume token. */
class ResumeHandoverTest {

    private final long now = 1_000_000;
    private final WorldRules rules = new WorldRules(Seed.START_ROOM, null);
    private final InputHandler handler = new InputHandler(rules, new Commands(rules), Duration.ofSeconds(60),
            () -> now, List.of());

    private WorldState world() {
        WorldState state = new WorldState();
        Seed.rooms().forEach(r -> state.load(r.id(), r));
        state.load("char:a", new PlayerCharacter("char:a", "A", Seed.START_ROOM));
        state.load("session:s1", new SessionLink("session:s1", "s1", "gw1", "char:a", 0, 0, null));
        return state;
    }

    /** Runs the inputs in one transaction, commits it, and returns what was sent. */
    private List<Outbox.Envelope> run(WorldState state, PlayerInput... inputs) {
        Transaction tx = state.begin();
        Outbox outbox = new Outbox();
        handler.handleBatch(tx, outbox, List.of(inputs));
        state.commit(tx);
        return outbox.envelopes();
    }

    @Test
    void aClientWithTheTokenTakesItsSessionToAnotherGatewayWhichLearnsWhereItsMissedOutputIs() {
        WorldState state = world();
        run(state, new PlayerInput.ResumeToken("s1", "gw1", 1, now, "hash-1"),
                new PlayerInput.Line("s1", "gw1", 2, now, "look"),
                new PlayerInput.Detached("s1", "gw1", 3, now + 5));

        List<Outbox.Envelope> sent = run(state,
                new PlayerInput.Resume("r1", "gw2", 0, now, "hash-1", "hash-2", "websocket", "10.0.0.9"));

        GameOutput.Resumed resumed = (GameOutput.Resumed) sent.stream().filter(e -> e.gateway().equals("gw2"))
                .map(Outbox.Envelope::output).findFirst().orElseThrow();
        assertEquals("r1", resumed.session());
        assertEquals("s1", resumed.resumed());
        assertEquals("char:a", resumed.object());
        assertEquals(4, resumed.nextInputSeq(), "inputs continue after the last one done");
        assertEquals("gw1", resumed.fromGateway());
        assertEquals(now + 5, resumed.detachedAt());
        assertTrue(sent.stream().anyMatch(e -> e.gateway().equals("gw1") && e.output() instanceof GameOutput.Moved m
                && m.session().equals("s1") && m.toGateway().equals("gw2")), "the old gateway forgets it: " + sent);
        SessionLink link = (SessionLink) state.get("session:s1");
        assertEquals("gw2", link.gateway(), "its output goes to the new gateway now");
        assertEquals("hash-2", link.resumeHash(), "the token rotated");
        assertEquals(0, link.detachedAt());

        List<Outbox.Envelope> again = run(state,
                new PlayerInput.Resume("r2", "gw3", 0, now, "hash-1", "hash-3", "websocket", "10.0.0.9"));
        assertTrue(again.stream().allMatch(e -> e.output() instanceof GameOutput.ResumeRefused r && r.session().equals("r2")
                && e.gateway().equals("gw3")), "a spent token is refused: " + again);
    }

    @Test
    void anUnknownTokenIsRefusedToTheAskingGateway() {
        WorldState state = world();
        List<Outbox.Envelope> sent = run(state,
                new PlayerInput.Resume("r1", "gw2", 0, now, "nobody-has-this", "next", "websocket", "10.0.0.9"));

        assertEquals(1, sent.size(), sent.toString());
        assertTrue(sent.get(0).output() instanceof GameOutput.ResumeRefused && sent.get(0).gateway().equals("gw2"));
        assertNull(((SessionLink) state.get("session:s1")).resumeHash());
    }
}
