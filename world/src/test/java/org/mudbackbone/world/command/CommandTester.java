package org.mudbackbone.world.command;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mudbackbone.broker.markup.Markup;
import org.mudbackbone.broker.message.GameOutput;
import org.mudbackbone.broker.message.HashParams;
import org.mudbackbone.broker.message.PlayerInput;
import org.mudbackbone.world.engine.InputHandler;
import org.mudbackbone.world.engine.Outbox;
import org.mudbackbone.world.engine.Seed;
import org.mudbackbone.world.engine.Transaction;
import org.mudbackbone.world.engine.WorldState;
import org.mudbackbone.world.model.PlayerCharacter;
import org.mudbackbone.world.model.SessionLink;

/**
 * Game rules without Kafka: a seeded world in memory, players logged in directly, and
 * {@code call(player, "input", "expected output")}. Each call is one committed transaction.
 */
final class CommandTester {

    static final HashParams CHEAP = new HashParams(HashParams.ARGON2ID, 64, 1, 1, 32);

    final WorldState state = new WorldState();
    private final InputHandler handler = new InputHandler(new WorldRules(Seed.START_ROOM, CHEAP));
    private final List<GameOutput> sent = new ArrayList<>();
    private long seq = 1;

    CommandTester() {
        Seed.rooms().forEach(room -> state.load(room.id(), room));
    }

    /** A session on gateway "gw", logged in to a new character in the start room. */
    String player(String name) {
        String session = "s-" + name.toLowerCase();
        PlayerCharacter character = new PlayerCharacter(PlayerCharacter.idFor(name), name, Seed.START_ROOM);
        state.load(character.id(), character);
        state.load(SessionLink.idFor(session),
                new SessionLink(SessionLink.idFor(session), session, "gw", character.id(), 0, 0, null));
        return session;
    }

    /** A session that has just connected and is not logged in. */
    String guest(String session) {
        run(new PlayerInput.Opened(session, "gw", 0, System.currentTimeMillis(), "telnet", "127.0.0.1"));
        return session;
    }

    /** Runs one typed line and returns each session's output (plain text, prompts left out). */
    Map<String, List<String>> type(String session, String line) {
        return run(new PlayerInput.Line(session, "gw", nextSeq(), System.currentTimeMillis(), line));
    }

    /** The next input sequence number: each input a gateway sends has a new one, or the world skips it. */
    long nextSeq() {
        return seq++;
    }

    Map<String, List<String>> run(PlayerInput input) {
        Transaction tx = state.begin();
        Outbox outbox = new Outbox();
        handler.handleBatch(tx, outbox, List.of(input));
        state.commit(tx);
        Map<String, List<String>> texts = new java.util.HashMap<>();
        for (Outbox.Envelope envelope : outbox.envelopes()) {
            sent.add(envelope.output());
            if (envelope.output() instanceof GameOutput.Text text) {
                texts.computeIfAbsent(text.session(), k -> new ArrayList<>()).add(Markup.plain(text.markup()));
            }
        }
        return texts;
    }

    /** Types {@code input} as {@code session} and asserts the caller sees {@code expected}. */
    void call(String session, String input, String expected) {
        List<String> seen = type(session, input).getOrDefault(session, List.of());
        assertTrue(seen.stream().anyMatch(t -> t.contains(expected)),
                "after '" + input + "' expected '" + expected + "' in " + seen);
    }

    /** Every output sent so far, all sessions. */
    List<GameOutput> sent() {
        return sent;
    }
}
