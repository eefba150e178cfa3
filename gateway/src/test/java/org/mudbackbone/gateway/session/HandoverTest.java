package org.mudbackbone.gateway.session;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mudbackbone.broker.message.GameOutput;
import org.mudbackbone.broker.message.JsonCodec;
import org.mudbackbone.broker.message.PlayerInput;

/** A session taken up at a gateway that did not hold it: the world's answer, the missed output, the old gateway's side. */
class HandoverTest {

    private static final InputPublisher.Limits LIMITS =
            new InputPublisher.Limits(200, 1000, Duration.ofMillis(10), Duration.ofSeconds(5));

    private final AtomicLong clock = new AtomicLong(1_000_000);
    private final MockProducer<String, byte[]> producer =
            new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
    private final SecretHasher hasher = new SecretHasher();
    private final InputPublisher publisher = new InputPublisher(producer, "mud.input", "g2", LIMITS);
    /** What the old gateway's topic holds for the session, and what was asked of it. */
    private final List<GameOutput> oldTopic = List.of(
            new GameOutput.Text("s1", 7, "seen already"),
            new GameOutput.Text("s1", 8, "missed one"),
            new GameOutput.Prompt("s1", 9, "> ", 3),
            new GameOutput.Moved("s1", 10, "g2")); // the world's note to the old gateway, found there too
    private final AtomicReference<String> searched = new AtomicReference<>();
    private final AtomicLong searchedSince = new AtomicLong();
    private final SessionManager sessions = new SessionManager("g2", publisher, hasher, clock::get,
            new SimpleMeterRegistry(), (gateway, session, lastSeen, since) -> {
                searched.set(gateway + "/" + session);
                searchedSince.set(since);
                return oldTopic.stream().filter(o -> o.session().equals(session) && o.seq() > lastSeen).toList();
            }, SessionManager.RESUME_WINDOW_MS,
                org.mudbackbone.gateway.limit.LimitsConfig.DEFAULT, new org.mudbackbone.gateway.limit.Refusals(new SimpleMeterRegistry()));

    @AfterEach
    void close() throws InterruptedException {
        publisher.close();
        hasher.close();
    }

    private List<PlayerInput> inputs() {
        return producer.history().stream().map(r -> JsonCodec.INPUT.decode(r.value()).orElseThrow()).toList();
    }

    /** A listener that records the outcome. */
    private static final class Outcome implements ResumeListener {
        final AtomicReference<Session> session = new AtomicReference<>();
        final AtomicReference<String> token = new AtomicReference<>();
        final AtomicBoolean refused = new AtomicBoolean();

        @Override
        public void resumed(Session resumed, String nextToken) {
            session.set(resumed);
            token.set(nextToken);
        }

        @Override
        public void refused() {
            refused.set(true);
        }
    }

    @Test
    void theWorldHandsTheSessionOverAndTheClientSeesWhatItMissedThenLiveOutputInOrder() {
        RecordingConnection client = new RecordingConnection();
        Outcome outcome = new Outcome();
        sessions.resume("token-from-gateway-one", client, 7, "websocket", "10.0.0.9", outcome);

        await().until(() -> inputs().stream().anyMatch(i -> i instanceof PlayerInput.Resume));
        PlayerInput.Resume request = (PlayerInput.Resume) inputs().stream()
                .filter(i -> i instanceof PlayerInput.Resume).findFirst().orElseThrow();
        assertEquals(ResumeTokens.hash("token-from-gateway-one"), request.tokenHash(), "only the token's hash is sent");
        assertTrue(!request.toString().contains("token-from-gateway-one"));

        sessions.deliver(new GameOutput.Resumed(request.session(), 0, "s1", "char:a", 4, "g1", 990_000));
        assertNotNull(outcome.session.get(), "the client has its session");
        assertEquals(request.nextTokenHash(), ResumeTokens.hash(outcome.token.get()), "its next token is the one the world was told of");
        sessions.deliver(new GameOutput.Text("s1", 11, "live, while the search runs"));
        assertEquals(List.of(), client.texts, "nothing shown before what was missed");

        await().until(() -> searched.get() != null);
        await().untilAsserted(() -> {
            sessions.tick(clock.get());
            assertEquals(List.of("missed one", "live, while the search runs"), client.texts);
        });
        assertEquals(1, sessions.count(), "the move found in the old gateway's output is not done here");
        assertEquals("g1/s1", searched.get());
        assertEquals(990_000 - SessionManager.MISSED_SEARCH_MARGIN_MS, searchedSince.get());

        sessions.line(outcome.session.get(), "look");
        await().until(() -> inputs().stream().anyMatch(i -> i instanceof PlayerInput.Line));
        PlayerInput.Line line = (PlayerInput.Line) inputs().stream().filter(i -> i instanceof PlayerInput.Line)
                .findFirst().orElseThrow();
        assertEquals("s1", line.session());
        assertEquals(4, line.seq(), "input numbers go on from the world's");
        assertEquals("char:a", producer.history().stream().filter(r -> JsonCodec.INPUT.decode(r.value()).orElseThrow()
                instanceof PlayerInput.Line).findFirst().orElseThrow().key(), "keyed by the controlled object");
    }

    @Test
    void aTokenNoSessionHoldsIsRefused() {
        Outcome outcome = new Outcome();
        sessions.resume("unknown", new RecordingConnection(), 0, "websocket", "10.0.0.9", outcome);
        await().until(() -> inputs().stream().anyMatch(i -> i instanceof PlayerInput.Resume));
        String request = inputs().get(0).session();

        sessions.deliver(new GameOutput.ResumeRefused(request, 0));

        assertTrue(outcome.refused.get());
        assertEquals(0, sessions.count());
    }

    @Test
    void theGatewayASessionMovedAwayFromForgetsItWithoutEndingItInTheWorld() {
        RecordingConnection lingering = new RecordingConnection();
        Session session = sessions.open("websocket", "10.0.0.9", lingering, true);

        sessions.deliver(new GameOutput.Moved(session.id(), 5, "g3"));

        assertEquals(0, sessions.count());
        assertNotNull(lingering.closed, "a connection still open there is closed with a notice");
        // inputs go out in order: once a later session's opening is out, a Closed sent at the move would be too
        Session later = sessions.open("telnet", "10.0.0.10", new RecordingConnection());
        await().until(() -> inputs().stream().anyMatch(i -> i instanceof PlayerInput.Opened o && o.session().equals(later.id())));
        assertTrue(inputs().stream().noneMatch(i -> i instanceof PlayerInput.Closed), inputs().toString());
    }
}
