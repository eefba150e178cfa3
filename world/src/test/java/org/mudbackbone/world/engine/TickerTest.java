package org.mudbackbone.world.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.mudbackbone.broker.message.GameOutput;
import org.mudbackbone.world.command.Commands;
import org.mudbackbone.world.command.WorldRules;
import org.mudbackbone.world.model.PlayerCharacter;
import org.mudbackbone.world.model.SessionLink;
import org.mudbackbone.world.model.TickerState;

class TickerTest {

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final WorldState state = new WorldState();
    private final WorldRules rules = new WorldRules(Seed.START_ROOM, null);

    TickerTest() {
        Seed.rooms().forEach(r -> state.load(r.id(), r));
        state.load("char:a", new PlayerCharacter("char:a", "A", Seed.START_ROOM));
        state.load("session:s1", new SessionLink("session:s1", "s1", "gw", "char:a", 0, 0, null));
    }

    /** One committed run of the due tickers by a world with this memory; returns the bells heard. */
    private long run(WorldState memory) {
        InputHandler handler = new InputHandler(rules, new Commands(rules), Duration.ofSeconds(60), now::get,
                List.of(new TownBell(Duration.ofMinutes(15))));
        Transaction tx = memory.begin();
        Outbox outbox = new Outbox();
        handler.runDueTickers(tx, outbox);
        memory.apply(tx.changes());
        return outbox.envelopes().stream().filter(e -> e.output() instanceof GameOutput.Text t
                && t.markup().contains("bell tolls")).count();
    }

    @Test
    void aTickerRunsWhenDueAndItsScheduleIsState() {
        assertEquals(0, run(state)); // first sight: scheduled one period ahead
        now.addAndGet(Duration.ofMinutes(14).toMillis());
        assertEquals(0, run(state));
        now.addAndGet(Duration.ofMinutes(1).toMillis());
        assertEquals(1, run(state));
        assertEquals(0, run(state), "not twice for one period");
        assertEquals(1_000_000 + Duration.ofMinutes(30).toMillis(),
                ((TickerState) state.get("ticker:town-bell")).nextAt());
    }

    @Test
    void aWorldThatWasAwayTicksOnceNotOncePerMissedPeriod() {
        run(state);
        now.addAndGet(Duration.ofMinutes(61).toMillis());
        assertEquals(1, run(state));
        assertEquals(1_000_000 + Duration.ofMinutes(75).toMillis(),
                ((TickerState) state.get("ticker:town-bell")).nextAt());
    }

    @Test
    void aTickerThatThrowsIsUndoneAloneAndRunsAgainNextPeriod() {
        Ticker broken = new Ticker() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public Duration period() {
                return Duration.ofMinutes(1);
            }

            @Override
            public void tick(Game game) {
                game.msgContents(Seed.START_ROOM, "half a tick", null);
                throw new IllegalStateException("a ticker bug");
            }
        };
        InputHandler handler = new InputHandler(rules, new Commands(rules), Duration.ofSeconds(60), now::get,
                List.of(broken, new TownBell(Duration.ofMinutes(1))));
        Transaction first = state.begin();
        handler.runDueTickers(first, new Outbox());
        state.apply(first.changes());
        now.addAndGet(Duration.ofMinutes(1).toMillis());

        Transaction tx = state.begin();
        Outbox outbox = new Outbox();
        handler.runDueTickers(tx, outbox);

        assertEquals(List.of(), outbox.envelopes().stream().filter(e -> e.output() instanceof GameOutput.Text t
                && t.markup().contains("half a tick")).toList(), "what the broken tick sent is undone");
        assertEquals(1, outbox.envelopes().stream().filter(e -> e.output() instanceof GameOutput.Text t
                && t.markup().contains("bell tolls")).count(), "the next ticker still ran");
        assertEquals(1_000_000 + Duration.ofMinutes(2).toMillis(),
                ((TickerState) tx.get("ticker:broken")).nextAt(), "the broken ticker is scheduled again");
    }
}
