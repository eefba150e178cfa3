package org.mudbackbone.gateway.session;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;
import org.junit.jupiter.api.Test;
import org.mudbackbone.broker.message.GameOutput;
import org.mudbackbone.broker.message.HashParams;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/** Every order of the events a login goes through, driven by hand. */
class LoginGateTest {

    private static final GameOutput.AskSecret ASK =
            new GameOutput.AskSecret("s1", 7, "Password: ", "c2FsdA==", HashParams.recommended());

    private final Effects effects = new Effects();
    private final LoginGate gate = new LoginGate("s1", effects);

    @Test
    void aPasswordTypedAfterTheLoginLineBeforeTheWorldAsksIsHeldAndAnsweredWhenItAsks() {
        gate.typed("connect bob", 10);
        gate.typed("hunter2", 11);
        gate.typed("look", 12);
        assertEquals(List.of("line connect bob"), effects.published, "the password and what follows it wait");

        gate.asked(ASK);
        effects.finishHash("hunter2");

        assertEquals(List.of("line connect bob", "secret H(hunter2)", "line look"), effects.published);
        assertEquals(List.of(), effects.prompts, "the secret was already typed: no prompt for it");
    }

    @Test
    void aPasswordTypedAfterTheWorldAsksIsHiddenHashedAndShownAgain() {
        gate.typed("co bob", 10);
        gate.asked(ASK);
        assertEquals(List.of("Password: "), effects.prompts);
        assertEquals(List.of("hidden"), effects.input);

        gate.typed("hunter2", 11);
        assertEquals(List.of("hidden", "shown"), effects.input);
        effects.finishHash("hunter2");

        assertEquals(List.of("line co bob", "secret H(hunter2)"), effects.published);
    }

    @Test
    void aPasswordTypedAheadIsDiscardedWhenTheWorldAnswersTheLoginLineWithoutAsking() {
        gate.typed("create bob", 10); // input 0
        gate.typed("hunter2", 11);
        gate.typed("look", 12);

        gate.prompted(0); // "That name is taken."

        assertEquals(List.of("line create bob", "line look"), effects.published);
        assertFalse(gate.holdsSecret());
    }

    @Test
    void onceTheWorldAnswersTheLoginLineWithoutAskingTheNextLineIsAnOrdinaryLine() {
        gate.typed("create bob", 10);
        gate.prompted(0);
        gate.typed("look", 11);
        assertEquals(List.of("line create bob", "line look"), effects.published);
    }

    @Test
    void aPromptForAnEarlierInputDoesNotReleaseAHeldSecret() {
        gate.typed("look", 10); // input 0
        gate.typed("connect bob hunter2", 11); // input 1
        gate.typed("inventory", 12);

        gate.prompted(0);

        assertTrue(gate.holdsSecret());
        assertEquals(List.of("line look", "line connect bob"), effects.published);
    }

    @Test
    void theSecretOnALoginLineIsTakenOffAndAnsweredWhenTheWorldAsks() {
        gate.typed("connect bob hunter2", 10);
        gate.typed("look", 11);
        gate.asked(ASK);
        effects.finishHash("hunter2");
        assertEquals(List.of("line connect bob", "secret H(hunter2)", "line look"), effects.published);
    }

    @Test
    void aPromptThatArrivesWhileTheLoginLineIsBeingPublishedStillReleasesItsSecret() throws InterruptedException {
        gate.typed("create bob pw", 10); // input 0
        gate.prompted(0); // "That name is taken."
        AtomicReference<Thread> output = new AtomicReference<>();
        effects.onPublish = seq -> {
            // the world's prompt for this very line is handled on the output thread before publish returns
            Thread thread = new Thread(() -> gate.prompted(seq), "output");
            output.set(thread);
            thread.start();
            await().until(() -> thread.getState() == Thread.State.BLOCKED);
        };

        gate.typed("connect bob pw2", 11); // input 1
        effects.onPublish = null;
        output.get().join(10_000);

        assertFalse(output.get().isAlive());
        assertFalse(gate.holdsSecret(), "the prompt answered the line that carried the secret");
        gate.typed("look", 12);
        assertEquals(List.of("line create bob", "line connect bob", "line look"), effects.published);
    }

    @Test
    void whileTheWorldIsAwayASecretTypedAheadWaitsAndSoDoesEverythingTypedAfterIt() {
        gate.typed("connect bob", 10);
        gate.typed("hunter2", 11);
        for (int i = 0; i < 5; i++) {
            gate.typed("say waiting " + i, 20 + i);
        }
        assertEquals(List.of("line connect bob"), effects.published);
        assertEquals(5, gate.waitingLines());

        gate.asked(ASK); // the world is back and does the login line
        effects.finishHash("hunter2");

        assertEquals(List.of("line connect bob", "secret H(hunter2)", "line say waiting 0", "line say waiting 1",
                "line say waiting 2", "line say waiting 3", "line say waiting 4"), effects.published);
    }

    @Test
    void aSecretThatCannotBeHashedIsReportedAndTheLinesBehindItGoOn() {
        gate.typed("connect bob hunter2", 10);
        gate.typed("look", 11);
        gate.asked(ASK);
        effects.failHash("hunter2");

        assertEquals(List.of(LoginGate.CANNOT_HASH), effects.told);
        assertEquals(List.of("line connect bob", "line look"), effects.published);
    }

    @Test
    void beyondFiftyWaitingLinesALineIsDroppedWithANoticeAndTheRestGoInOrder() {
        gate.typed("connect bob hunter2", 0);
        for (int i = 0; i <= LoginGate.MAX_WAITING; i++) {
            gate.typed("say " + i, i + 1);
        }
        assertEquals(List.of(LoginGate.TOO_MUCH), effects.told);

        gate.asked(ASK);
        effects.finishHash("hunter2");

        List<String> expected = new ArrayList<>(List.of("line connect bob", "secret H(hunter2)"));
        for (int i = 0; i < LoginGate.MAX_WAITING; i++) {
            expected.add("line say " + i);
        }
        assertEquals(expected, effects.published);
    }

    @Test
    void releasedLinesStopAtOneThatBringsANewSecret() {
        gate.typed("create bob pw", 10); // input 0
        gate.typed("connect bob pw2", 11);
        gate.typed("look", 12);

        gate.prompted(0); // taken: the connect line goes, and its secret is held
        assertEquals(List.of("line create bob", "line connect bob"), effects.published);

        gate.asked(ASK);
        effects.finishHash("pw2");
        assertEquals(List.of("line create bob", "line connect bob", "secret H(pw2)", "line look"), effects.published);
    }

    @Test
    void aLineTypedAfterARefusedLoginLineIsTakenAsItsSecretAndDiscarded() {
        effects.refuse = true;
        gate.typed("connect bob", 10);
        effects.refuse = false;
        gate.typed("hunter2", 11);
        gate.typed("look", 12);
        assertEquals(List.of("line look"), effects.published);
    }

    @Test
    void everyInputCarriesTheTimeItsLineWasTypedNotWhenItWasPublished() {
        gate.typed("connect bob hunter2", 100);
        gate.typed("look", 200);
        gate.asked(ASK);
        effects.finishHash("hunter2");
        assertEquals(List.of(100L, 100L, 200L), effects.stamps);
    }

    @Test
    void aSecretTheWorldNeverAsksForIsDiscardedAfterTheLimitAndTheLinesBehindItGo() {
        gate.typed("connect bob hunter2", 1_000); // the world drops this line as too old, with no prompt
        gate.typed("look", 1_001);

        gate.expire(61_000, 60_000);
        assertTrue(gate.holdsSecret(), "not yet past the limit");

        gate.expire(61_001, 60_000);
        assertFalse(gate.holdsSecret());
        assertEquals(List.of(LoginGate.NO_ANSWER), effects.told);
        assertEquals(List.of("line connect bob", "line look"), effects.published);
    }

    /** Records what the gate does; hashes finish when the test says. */
    private static final class Effects implements LoginGate.Effects {

        final List<String> published = new ArrayList<>();
        final List<Long> stamps = new ArrayList<>();
        final List<String> told = new ArrayList<>();
        final List<String> prompts = new ArrayList<>();
        final List<String> input = new ArrayList<>();
        final Map<String, Sinks.One<String>> hashes = new LinkedHashMap<>();
        long nextSeq;
        boolean refuse;
        LongConsumer onPublish;

        @Override
        public long publishLine(String text, long at) {
            if (refuse) {
                return -1;
            }
            long seq = nextSeq++;
            published.add("line " + text);
            stamps.add(at);
            if (onPublish != null) {
                onPublish.accept(seq);
            }
            return seq;
        }

        @Override
        public void publishSecret(String hash, long at) {
            nextSeq++;
            published.add("secret " + hash);
            stamps.add(at);
        }

        @Override
        public Mono<String> hash(String secret, GameOutput.AskSecret ask) {
            Sinks.One<String> sink = Sinks.one();
            hashes.put(secret, sink);
            return sink.asMono();
        }

        void finishHash(String secret) {
            hashes.remove(secret).tryEmitValue("H(" + secret + ")").orThrow();
        }

        void failHash(String secret) {
            hashes.remove(secret).tryEmitError(new IllegalArgumentException("too costly")).orThrow();
        }

        @Override
        public void askForSecret(String prompt) {
            prompts.add(prompt);
            input.add("hidden");
        }

        @Override
        public void showInput() {
            input.add("shown");
        }

        @Override
        public void tell(String markup) {
            told.add(markup);
        }
    }
}
