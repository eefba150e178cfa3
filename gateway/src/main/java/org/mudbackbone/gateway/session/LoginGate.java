package org.mudbackbone.gateway.session;

import java.util.ArrayDeque;
import java.util.Optional;
import org.mudbackbone.broker.message.GameOutput;
import org.mudbackbone.broker.message.SecretSyntax;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The one owner of a session's login secrets and of the lines typed ahead of them.
 *
 * <p>A secret is the line typed after the world's {@link GameOutput.AskSecret}, the last word of a
 * login line ({@code connect bob pw}), or the line typed after a login line with a name only
 * ({@code connect bob}). It is kept here, never published: it is answered with its hash when the
 * world asks, or discarded when the world answers its login line without asking (a prompt whose
 * {@code answers} reaches that line). Lines typed while a secret is held or hashed wait behind it
 * and are released in order.
 *
 * <p>Every method runs under the gate's lock and publishes inside it: the sequence number that
 * carries a secret is recorded in the same step that takes it, so a prompt handled on the output
 * thread cannot fall between the two and leave the secret held forever.
 */
final class LoginGate {

    private static final Logger LOG = LoggerFactory.getLogger(LoginGate.class);

    /** Lines that may wait behind a secret; beyond it, a typed line is dropped and the player told. */
    static final int MAX_WAITING = 50;
    static final String TOO_MUCH = "{red}Too much typed ahead while logging in; a line was dropped.{/}";
    static final String CANNOT_HASH = "{red}Cannot check that secret here.{/}";
    static final String BUSY = "{red}Too many logins at once from your address; log in again in a moment.{/}";
    static final String NO_ANSWER = "{yellow}The game never asked for the password you typed; please log in again.{/}";
    private static final long NOT_SENT = -1;

    /** What the gate does to the session; implemented by the {@link SessionManager}. */
    interface Effects {

        /** Publishes a typed line stamped {@code at}; its sequence number, or -1 if it was refused. */
        long publishLine(String text, long at);

        /** Publishes the hash of a secret typed at {@code at}. */
        void publishSecret(String hash, long at);

        /** Hashes {@code secret} with the salt and parameters of {@code ask}, off the caller's thread. */
        Mono<String> hash(String secret, GameOutput.AskSecret ask);

        /** Shows the world's secret prompt and hides what the player types next. */
        void askForSecret(String prompt);

        /** Shows typing again after a hidden line. */
        void showInput();

        /** Tells the player something (markup). */
        void tell(String markup);
    }

    private record Typed(String raw, long at) {}

    private final String sessionId;
    private final Effects effects;
    private final ArrayDeque<Typed> waiting = new ArrayDeque<>();
    /** The world asked for a secret that the player has not typed yet. */
    private GameOutput.AskSecret asked;
    /** The next typed line is the secret of the login line sent as input {@link #secretNextFor}. */
    private boolean secretNext;
    private long secretNextFor;
    /** A secret typed before the world asked for it, the input it belongs to, and when it was typed. */
    private String held;
    private long heldFor;
    private long heldAt;
    /** A secret is being hashed: lines typed now wait, so that none overtakes it. */
    private boolean hashing;
    private long hashingAt;

    LoginGate(String sessionId, Effects effects) {
        this.sessionId = sessionId;
        this.effects = effects;
    }

    /** A line the player typed, raw, read from the connection at {@code at}. */
    synchronized void typed(String raw, long at) {
        if (blocked()) {
            waitBehindSecret(new Typed(raw, at));
        } else {
            handle(raw, at);
        }
    }

    /** The world asks for a secret: answered with the one held, else with the next line typed. */
    synchronized void asked(GameOutput.AskSecret ask) {
        secretNext = false;
        if (held != null) {
            String secret = held;
            held = null;
            LOG.info("session {}: the world asked for the secret held for input {}", sessionId, heldFor);
            hash(secret, ask, heldAt);
            return;
        }
        asked = ask;
        effects.askForSecret(ask.prompt());
    }

    /** A prompt: the world has done every input up to {@code answers}, and asked for no secret for them. */
    synchronized void prompted(long answers) {
        if (secretNext && secretNextFor != NOT_SENT && answers >= secretNextFor) {
            secretNext = false;
        }
        if (held != null && answers >= heldFor) {
            held = null;
            LOG.info("session {}: input {} done without asking for its secret; the secret is discarded", sessionId, heldFor);
            release();
        }
    }

    /**
     * Discards a secret held for longer than {@code limitMs}: the world drops a login line that waited
     * too long (while it was away) without a prompt, and the lines behind the secret must not wait forever.
     */
    synchronized void expire(long now, long limitMs) {
        if (held != null && now - heldAt > limitMs) {
            held = null;
            LOG.warn("session {}: input {} got no answer in {} ms; its secret is discarded", sessionId, heldFor, limitMs);
            effects.tell(NO_ANSWER);
            release();
        }
    }

    synchronized boolean holdsSecret() {
        return held != null;
    }

    synchronized int waitingLines() {
        return waiting.size();
    }

    private boolean blocked() {
        return held != null || hashing;
    }

    /** A line that nothing holds back: answer, hold or publish it. */
    private void handle(String raw, long at) {
        if (asked != null) {
            GameOutput.AskSecret ask = asked;
            asked = null;
            effects.showInput();
            hash(raw, ask, at);
            return;
        }
        if (secretNext) {
            secretNext = false;
            if (secretNextFor == NOT_SENT) {
                LOG.info("session {}: a secret typed after a refused login line is discarded", sessionId);
            } else {
                hold(raw, secretNextFor, at);
            }
            return;
        }
        String text = InputSanitizer.clean(raw);
        Optional<SecretSyntax.Split> split = SecretSyntax.split(text);
        if (split.isPresent()) {
            long seq = effects.publishLine(split.get().publicPart(), at);
            if (seq != NOT_SENT) { // refused: the player was told, and the secret goes with its line
                hold(split.get().secret(), seq, at);
            }
            return;
        }
        long seq = effects.publishLine(text, at);
        if (SecretSyntax.expectsSecretNext(text)) {
            secretNext = true;
            secretNextFor = seq;
        }
    }

    private void hold(String secret, long forInput, long at) {
        held = secret;
        heldFor = forInput;
        heldAt = at;
        LOG.info("session {}: holds a secret for input {} until the world asks", sessionId, forInput);
    }

    private void hash(String secret, GameOutput.AskSecret ask, long at) {
        hashing = true;
        hashingAt = at;
        effects.hash(secret, ask).subscribe(this::hashed, this::hashFailed);
    }

    private synchronized void hashed(String hash) {
        hashing = false;
        effects.publishSecret(hash, hashingAt);
        release();
    }

    private synchronized void hashFailed(Throwable error) {
        hashing = false;
        LOG.warn("session {}: cannot hash secret: {}", sessionId, error.getMessage());
        effects.tell(error instanceof SecretHasher.Busy ? BUSY : CANNOT_HASH);
        release();
    }

    private void waitBehindSecret(Typed line) {
        if (waiting.size() >= MAX_WAITING) {
            LOG.warn("session {}: a line typed ahead of a secret is dropped, {} wait", sessionId, waiting.size());
            effects.tell(TOO_MUCH);
            return;
        }
        waiting.add(line);
    }

    /** Handles the lines that waited, in order, until one brings a new secret to wait for. */
    private void release() {
        while (!blocked() && !waiting.isEmpty()) {
            Typed next = waiting.poll();
            handle(next.raw(), next.at());
        }
    }
}
