package org.mudbackbone.world.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

class InputAgeTest {

    private final long now = 1_000_000;
    private final WorldRules rules = new WorldRules(Seed.START_ROOM, null);
    private final InputHandler handler = new InputHandler(rules, new Commands(rules), Duration.ofSeconds(60),
            () -> now, List.of());

    /** The seed rooms and session s1 on gateway gw, controlling {@code character} (null: not logged in). */
    private static WorldState world(String character) {
        WorldState state = new WorldState();
        Seed.rooms().forEach(r -> state.load(r.id(), r));
        if (character != null) {
            state.load(character, new PlayerCharacter(character, "A", Seed.START_ROOM));
        }
        state.load("session:s1", new SessionLink("session:s1", "s1", "gw", character, 0, 0, null));
        return state;
    }

    @Test
    void aLineKeptLongerThanTheLimitIsDroppedWithANoticeAndAFreshOneIsDone() {
        WorldState state = world("char:a");
        Transaction tx = state.begin();
        Outbox outbox = new Outbox();

        handler.handleBatch(tx, outbox, List.of(
                new PlayerInput.Line("s1", "gw", 1, now - 61_000, "north"),
                new PlayerInput.Line("s1", "gw", 2, now - 59_000, "say still fresh")));

        List<String> texts = outbox.envelopes().stream().map(Outbox.Envelope::output)
                .filter(o -> o instanceof GameOutput.Text).map(o -> ((GameOutput.Text) o).markup()).toList();
        assertTrue(texts.get(0).contains("You typed \"north\" 61 s ago, while the world was away; it was not done."),
                texts.toString());
        assertEquals(Seed.START_ROOM, tx.get("char:a", PlayerCharacter.class).room());
        assertTrue(texts.get(1).contains("still fresh"), texts.toString());
    }

    @Test
    void aDroppedLineIsStillAnsweredByAPromptSoThatAGatewayHoldingItsPasswordLetsGo() {
        WorldState state = world(null);
        Outbox outbox = new Outbox();

        handler.handleBatch(state.begin(), outbox, List.of(new PlayerInput.Line("s1", "gw", 1, now - 61_000, "connect bob")));

        assertTrue(outbox.envelopes().stream().anyMatch(e -> e.output() instanceof GameOutput.Prompt p && p.answers() == 1),
                outbox.envelopes().toString());
    }

    @Test
    void anInputAGatewaySentTwiceIsDoneOnce() {
        WorldState state = world("char:a");
        Outbox outbox = new Outbox();

        handler.handleBatch(state.begin(), outbox, List.of(
                new PlayerInput.Line("s1", "gw", 1, now, "say once"),
                new PlayerInput.Line("s1", "gw", 1, now, "say once")));

        assertEquals(1, outbox.envelopes().stream().filter(e -> e.output() instanceof GameOutput.Text t
                && t.markup().contains("once")).count(), outbox.envelopes().toString());
    }
}
