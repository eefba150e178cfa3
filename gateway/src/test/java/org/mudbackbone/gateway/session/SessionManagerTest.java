package org.mudbackbone.gateway.session;

import static java.time.Duration.ofSeconds;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.mudbackbone.broker.message.GameOutput;
import org.mudbackbone.broker.message.HashParams;
import org.mudbackbone.broker.message.JsonCodec;
import org.mudbackbone.broker.message.PlayerInput;

class SessionManagerTest {

    private static final HashParams CHEAP = new HashParams(HashParams.ARGON2ID, 64, 1, 1, 32);
    private static final InputPublisher.Limits LIMITS =
            new InputPublisher.Limits(200, 1000, Duration.ofMillis(10), Duration.ofSeconds(5));

    private final AtomicLong clock = new AtomicLong(1_000);
    private final RecordingConnection connection = new RecordingConnection();
    private final SecretHasher hasher = new SecretHasher();
    private InputPublisher publisher;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private SessionManager start(Producer<String, byte[]> producer) {
        publisher = new InputPublisher(producer, "mud.input", "g1", LIMITS);
        return new SessionManager("g1", publisher, hasher, clock::get, meters, (g, s, l, since) -> List.of(),
                SessionManager.RESUME_WINDOW_MS,
                org.mudbackbone.gateway.limit.LimitsConfig.DEFAULT, new org.mudbackbone.gateway.limit.Refusals(meters));
    }

    @Test
    void theRoundTripIsFromTheLineReadToThePromptThatAnswersIt() {
        MockProducer<String, byte[]> producer = new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
        SessionManager sessions = start(producer);
        Session session = sessions.open("telnet", "127.0.0.1", connection);
        sessions.line(session, "look"); // read at 1 000
        await().until(() -> inputs(producer).size() == 2);
        long lookSeq = inputs(producer).get(1).seq();

        clock.set(1_042);
        sessions.deliver(new GameOutput.Prompt(session.id(), 7, "> ", lookSeq));

        Timer roundTrips = meters.get("mud.gateway.round.trip").timer();
        assertEquals(1, roundTrips.count());
        assertEquals(42, roundTrips.max(java.util.concurrent.TimeUnit.MILLISECONDS));
    }

    @AfterEach
    void close() throws InterruptedException {
        publisher.close();
        hasher.close();
    }

    private static List<PlayerInput> inputs(MockProducer<String, byte[]> producer) {
        return producer.history().stream().map(r -> JsonCodec.INPUT.decode(r.value()).orElseThrow()).toList();
    }

    @Test
    void aLineIsStampedWhenItIsReadNotWhenItIsPublished() {
        MockProducer<String, byte[]> producer = new MockProducer<>(false, null, new StringSerializer(), new ByteArraySerializer());
        SessionManager sessions = start(producer);
        Session session = sessions.open("telnet", "127.0.0.1", connection);
        sessions.line(session, "look"); // read at 1 000, while "opened" is not yet acknowledged

        clock.set(91_000); // the broker comes back 90 s later
        await().until(() -> producer.completeNext() && inputs(producer).size() == 2);
        producer.completeNext();

        PlayerInput.Line line = (PlayerInput.Line) inputs(producer).get(1);
        assertEquals("look", line.text());
        assertEquals(1_000, line.at());
    }

    @Test
    void whileSendsAreStuckTypingReturnsAtOnceAndPlayersStillHearFromTheGateway() throws InterruptedException {
        StuckProducer stuck = new StuckProducer();
        SessionManager sessions = start(stuck);

        assertTimeoutPreemptively(ofSeconds(5), () -> {
            Session session = sessions.open("telnet", "127.0.0.1", connection);
            await().until(() -> stuck.attempts.get() == 1); // the publishing thread is stuck in send
            sessions.line(session, "look");
            sessions.line(session, "say is anyone there?");
            sessions.presence().tick(clock.get() + 60_000); // the world's heartbeats stopped too
        });

        assertEquals(List.of(WorldPresence.AWAY), connection.texts);
        stuck.released.countDown();
        await().until(() -> stuck.history().size() == 3);
    }

    @Test
    void aPasswordTypedAheadOfTheWorldsAskNeverReachesKafka() {
        MockProducer<String, byte[]> producer = new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
        SessionManager sessions = start(producer);
        Session session = sessions.open("telnet", "127.0.0.1", connection);
        sessions.line(session, "connect bob");
        sessions.line(session, "hunter2");
        sessions.line(session, "look");
        await().until(() -> inputs(producer).size() == 2);

        sessions.deliver(new GameOutput.AskSecret(session.id(), 0, "Password: ", "c2FsdHNhbHRzYWx0", CHEAP, "bm9uY2U="));

        await().until(() -> inputs(producer).size() == 4);
        List<PlayerInput> sent = inputs(producer);
        assertEquals(new PlayerInput.Line(session.id(), "g1", 1, 1_000, "connect bob"), sent.get(1));
        String hash = SecretHasher.hashNow("hunter2", "c2FsdHNhbHRzYWx0", CHEAP);
        String answer = ((PlayerInput.SecretLine) sent.get(2)).hash();
        assertEquals(org.mudbackbone.broker.message.SecretProof.proof(hash, "bm9uY2U="), answer,
                "a login's answer is the proof for its nonce, not the hash");
        org.junit.jupiter.api.Assertions.assertNotEquals(hash, answer);
        assertEquals("look", ((PlayerInput.Line) sent.get(3)).text());
        assertFalse(producer.history().stream()
                .anyMatch(r -> new String(r.value(), StandardCharsets.UTF_8).contains("hunter2")));
    }

    @Test
    void aLoginAnsweredWithoutAskingReleasesTheLinesBehindItsSecret() {
        MockProducer<String, byte[]> producer = new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
        SessionManager sessions = start(producer);
        Session session = sessions.open("telnet", "127.0.0.1", connection);
        sessions.line(session, "create bob pw"); // input 1
        sessions.line(session, "connect bob pw"); // waits behind the first secret
        await().until(() -> inputs(producer).size() == 2);

        sessions.deliver(new GameOutput.Text(session.id(), 0, "That name is taken."));
        sessions.deliver(new GameOutput.Prompt(session.id(), 1, "> ", 1));

        await().until(() -> inputs(producer).size() == 3);
        assertEquals("connect bob", ((PlayerInput.Line) inputs(producer).get(2)).text());
        assertTrue(connection.prompts.contains("> "));
    }

    @Test
    void aSessionThatLostItsConnectionKeepsItsOutputAndResumesWithWhatFollowsTheLastSeen() {
        MockProducer<String, byte[]> producer = new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
        SessionManager sessions = start(producer);
        Session session = sessions.open("websocket", "127.0.0.1", connection, true);
        sessions.deliver(new GameOutput.Text(session.id(), 1, "one"));
        sessions.detach(session, connection);
        sessions.deliver(new GameOutput.Text(session.id(), 2, "two"));
        sessions.deliver(new GameOutput.Prompt(session.id(), 3, "> ", 0));

        RecordingConnection back = new RecordingConnection();
        String token = sessions.resumeToken(session);
        SessionManager.Resumed resumed = comeBack(sessions, token, back, 1).orElseThrow();
        assertEquals(session, resumed.session());
        assertTrue(comeBack(sessions, token, new RecordingConnection(), 0).isEmpty(), "a token works once");
        sessions.deliver(new GameOutput.Text(session.id(), 4, "four"));

        assertEquals(List.of("one"), connection.texts, "nothing reached the lost connection after it was lost");
        assertEquals(List.of("two", "four"), back.texts);
        assertEquals(List.of("> "), back.prompts);
        // inputs go out in order: once a line typed after the resume is out, a Closed sent at the loss would be too
        sessions.line(session, "look");
        await().until(() -> inputs(producer).stream().anyMatch(i -> i instanceof PlayerInput.Line));
        assertTrue(inputs(producer).stream().noneMatch(i -> i instanceof PlayerInput.Closed),
                "losing the connection did not close the session in the world: " + inputs(producer));
        assertTrue(comeBack(sessions, "no-such-token", back, 0).isEmpty());
    }

    @Test
    void aSessionWhoseClientDoesNotComeBackInTimeIsClosedAndItsTokenSpent() {
        MockProducer<String, byte[]> producer = new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
        SessionManager sessions = start(producer);
        Session session = sessions.open("websocket", "127.0.0.1", connection, true);
        String token = sessions.resumeToken(session);
        sessions.detach(session, connection);

        clock.addAndGet(SessionManager.RESUME_WINDOW_MS); // at the end of the window: still waiting
        sessions.tick(clock.get());
        assertEquals(1, sessions.count());

        clock.addAndGet(1);
        sessions.tick(clock.get());
        assertEquals(0, sessions.count());
        assertTrue(comeBack(sessions, token, new RecordingConnection(), 0).isEmpty());
        await().until(() -> inputs(producer).stream().anyMatch(i -> i instanceof PlayerInput.Closed));
    }

    @Test
    void aTelnetSessionThatLosesItsConnectionIsClosed() {
        MockProducer<String, byte[]> producer = new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
        SessionManager sessions = start(producer);
        Session session = sessions.open("telnet", "127.0.0.1", connection);

        sessions.detach(session, connection);

        assertEquals(0, sessions.count());
    }

    @Test
    void aProtocolThatKeepsOutputNumbersSeesThemLiveAndReplayed() {
        MockProducer<String, byte[]> producer = new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
        SessionManager sessions = start(producer);
        List<Long> shown = new java.util.concurrent.CopyOnWriteArrayList<>();
        RecordingConnection numbering = new RecordingConnection() {
            @Override
            public void show(GameOutput output) {
                shown.add(output.seq());
            }
        };
        Session session = sessions.open("websocket", "127.0.0.1", numbering, true);
        sessions.deliver(new GameOutput.Text(session.id(), 5, "five"));
        sessions.deliver(new GameOutput.Prompt(session.id(), 6, "> ", 0));
        sessions.detach(session, numbering);
        sessions.deliver(new GameOutput.Oob(session.id(), 7, "Room.Info", "{}"));

        comeBack(sessions, sessions.resumeToken(session), numbering, 5).orElseThrow();

        assertEquals(List.of(5L, 6L, 6L, 7L), shown);
    }

    @Test
    void aClientBackOnANewConnectionWhileTheOldOneLingersTakesTheSessionAndTheOldOneIsClosed() {
        MockProducer<String, byte[]> producer = new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
        SessionManager sessions = start(producer);
        Session session = sessions.open("websocket", "127.0.0.1", connection, true);
        RecordingConnection back = new RecordingConnection();

        comeBack(sessions, sessions.resumeToken(session), back, -1).orElseThrow();
        sessions.detach(session, connection); // the old connection's end is noticed only now
        sessions.deliver(new GameOutput.Text(session.id(), 1, "still here"));

        assertTrue(connection.closed != null, "the old connection was closed");
        assertEquals(List.of("still here"), back.texts, "the session stayed on its new connection");
    }

    /** The client's side of a resume: the token, then the new connection with the last output it saw. */
    private static java.util.Optional<SessionManager.Resumed> comeBack(SessionManager sessions, String token,
            SessionConnection connection, long lastSeen) {
        java.util.Optional<SessionManager.Resumed> resumed = sessions.resume(token);
        resumed.ifPresent(r -> sessions.reattach(r.session(), connection, lastSeen));
        return resumed;
    }
}
