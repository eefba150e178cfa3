package org.mudbackbone.world.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.mudbackbone.broker.message.GameOutput;
import org.mudbackbone.broker.message.PlayerInput;
import org.mudbackbone.world.command.Commands;
import org.mudbackbone.world.command.WorldRules;
import org.mudbackbone.world.model.PlayerCharacter;
import org.mudbackbone.world.model.SessionLink;

/** Gateways that die or restart, and the sessions they held. */
class GatewayWatchTest {

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final WorldRules rules = new WorldRules(Seed.START_ROOM, null);
    private final InputHandler handler = new InputHandler(rules, new Commands(rules), Duration.ofSeconds(60), now::get,
            List.of(), new GatewayWatch(Duration.ofSeconds(10), Duration.ofMinutes(10), now::get));

    /** gw1 holds a telnet session (Tel) and a resumable one (Web); gw2 holds another telnet session (Other), all in one room. */
    private WorldState world() {
        WorldState state = new WorldState();
        Seed.rooms().forEach(r -> state.load(r.id(), r));
        for (String name : List.of("tel", "web", "other")) {
            state.load("char:" + name, new PlayerCharacter("char:" + name, name, Seed.START_ROOM));
        }
        state.load("session:t", new SessionLink("session:t", "t", "gw1", "char:tel", 0, 0, null));
        state.load("session:w", new SessionLink("session:w", "w", "gw1", "char:web", 0, 0, null, "hash-w", 0));
        state.load("session:o", new SessionLink("session:o", "o", "gw2", "char:other", 0, 0, null));
        return state;
    }

    /** One transaction at the current time: the inputs, then the watch; committed. */
    private List<Outbox.Envelope> run(WorldState state, PlayerInput... inputs) {
        Transaction tx = state.begin();
        Outbox outbox = new Outbox();
        handler.handleBatch(tx, outbox, List.of(inputs));
        handler.watchGateways(tx, outbox);
        state.commit(tx);
        return outbox.envelopes();
    }

    private PlayerInput alive(String gateway, String incarnation) {
        return new PlayerInput.GatewayAlive(PlayerInput.GatewayAlive.sessionFor(gateway), gateway, 0, now.get(),
                incarnation, 2000);
    }

    @Test
    void aSilentGatewaysSessionsGoLinkDeadAndEndAfterTheWindow() {
        WorldState state = world();
        run(state, alive("gw1", "a"), alive("gw2", "b"));
        for (int i = 0; i < 6; i++) { // gw2 keeps beating, gw1 has gone quiet
            now.addAndGet(2_000);
            run(state, alive("gw2", "b"));
        }

        assertTrue(((SessionLink) state.get("session:t")).detachedAt() > 0, "the telnet session is link-dead");
        SessionLink web = (SessionLink) state.get("session:w");
        assertTrue(web.detachedAt() > 0, "the resumable one waits for its client");
        assertEquals(0, ((SessionLink) state.get("session:o")).detachedAt(), "the live gateway's sessions are untouched");

        for (long waited = 0; waited <= Duration.ofMinutes(10).toMillis(); waited += 2_000) {
            now.addAndGet(2_000);
            run(state, alive("gw2", "b"));
        }
        assertNull(state.get("session:w"), "after the window nobody took them back: they end");
        assertNull(state.get("session:t"));
    }

    @Test
    void theRoomHearsThatTheDeadGatewaysPlayerLostTheirLinkAndNothingMoreIsWrittenForIt() {
        WorldState state = world();
        run(state, alive("gw1", "a"), alive("gw2", "b"));
        List<Outbox.Envelope> sent = List.of();
        for (int i = 0; i < 6 && sent.stream().noneMatch(e -> e.output() instanceof GameOutput.Text); i++) {
            now.addAndGet(2_000);
            sent = run(state, alive("gw2", "b"));
        }
        assertTrue(sent.stream().anyMatch(e -> e.gateway().equals("gw2") && e.output() instanceof GameOutput.Text t
                && t.markup().contains("tel has lost their link.")), sent.toString());
        sent = run(state, alive("gw2", "b"), new PlayerInput.Line("o", "gw2", 1, now.get(), "say anyone there?"));
        assertTrue(sent.stream().noneMatch(e -> e.gateway().equals("gw1") && e.output().session().equals("t")),
                "nothing more is written for the telnet session that cannot come back: " + sent);
        assertTrue(sent.stream().anyMatch(e -> e.gateway().equals("gw1") && e.output().session().equals("w")),
                "the resumable one's output is still written, for its resume: " + sent);
    }

    @Test
    void aGatewayRestartedUnderItsIdInheritsNoGhosts() {
        WorldState state = world();
        run(state, alive("gw1", "first"));

        run(state, alive("gw1", "second"));

        assertTrue(((SessionLink) state.get("session:t")).detachedAt() > 0, "the first incarnation's sessions are link-dead");
        assertTrue(((SessionLink) state.get("session:w")).detachedAt() > 0, "its resumable session waits for a resume");
    }

    @Test
    void aWorldThatHeardNobodyForAWhileBlamesNoGateway() {
        WorldState state = world();
        run(state, alive("gw1", "a"), alive("gw2", "b"));

        now.addAndGet(90_000); // the broker was away: no input at all reached the world
        run(state);

        assertEquals(3, List.of("session:t", "session:w", "session:o").stream().filter(id -> state.get(id) != null).count());
        assertEquals(0, ((SessionLink) state.get("session:w")).detachedAt());
    }
}
