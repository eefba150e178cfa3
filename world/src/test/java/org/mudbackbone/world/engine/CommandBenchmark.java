package org.mudbackbone.world.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.mudbackbone.broker.message.HashParams;
import org.mudbackbone.broker.message.PlayerInput;
import org.mudbackbone.world.command.WorldRules;
import org.mudbackbone.world.model.PlayerCharacter;
import org.mudbackbone.world.model.SessionLink;
import org.mudbackbone.world.model.WorldObject;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One command through the world's handler, without Kafka ({@code ./mud jmh}): a {@code help} that
 * answers its sender only, and a {@code say} heard by everyone in a room of {@code players}. Each
 * runs in a transaction that is then dropped, as an aborted one would be, so every invocation sees
 * the same state.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CommandBenchmark {

    @Param({"10", "100", "1000"})
    public int players;

    private WorldState state;
    private InputHandler handler;

    @Setup
    public void setUp() {
        state = new WorldState();
        Map<String, WorldObject> objects = new HashMap<>();
        Seed.rooms().forEach(room -> objects.put(room.id(), room));
        for (int i = 0; i < players; i++) {
            String name = "Player" + i;
            PlayerCharacter character = new PlayerCharacter(PlayerCharacter.idFor(name), name, Seed.START_ROOM, null);
            objects.put(character.id(), character);
            SessionLink link = new SessionLink(SessionLink.idFor("s" + i), "s" + i, "gw1", character.id(), 0, 1, null);
            objects.put(link.id(), link);
        }
        state.apply(objects);
        handler = new InputHandler(new WorldRules(Seed.START_ROOM, HashParams.recommended()));
    }

    private Outbox run(String text) {
        Transaction tx = state.begin();
        Outbox outbox = new Outbox();
        handler.handleBatch(tx, outbox, List.of(new PlayerInput.Line("s0", "gw1", 2, System.currentTimeMillis(), text)));
        return outbox;
    }

    @Benchmark
    public Outbox help() {
        return run("help n-0-1");
    }

    @Benchmark
    public Outbox sayToTheRoom() {
        return run("say hello there, everyone");
    }
}
