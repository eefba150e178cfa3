package org.mudbackbone.gateway.session;

import static java.time.Duration.ofSeconds;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mudbackbone.broker.markup.Markup;
import org.mudbackbone.broker.message.JsonCodec;
import org.mudbackbone.broker.message.PlayerInput;

class InputPublisherTest {

    private static final InputPublisher.Limits SMALL = new InputPublisher.Limits(3, 5, Duration.ofMillis(10), Duration.ZERO);

    private final MockProducer<String, byte[]> producer =
            new MockProducer<>(false, null, new StringSerializer(), new ByteArraySerializer());
    private final RecordingConnection connection = new RecordingConnection();
    private final Session session = new Session("s1", "telnet", "127.0.0.1", connection);
    private InputPublisher publisher = start(producer);

    private InputPublisher start(Producer<String, byte[]> producer) {
        return new InputPublisher(producer, "mud.input", "g1", SMALL);
    }

    @AfterEach
    void close() throws InterruptedException {
        publisher.close();
    }

    private long line(Session session, String text) {
        return publisher.publish(session, seq -> new PlayerInput.Line(session.id(), "g1", seq, 0, text));
    }

    private List<Long> sentSeqs() {
        return producer.history().stream().map(r -> JsonCodec.INPUT.decode(r.value()).orElseThrow().seq()).toList();
    }

    @Test
    void aSessionsInputGoesOutOneRecordAtATimeInSequenceOrder() {
        line(session, "a");
        line(session, "b");
        line(session, "c");

        await().until(() -> sentSeqs().equals(List.of(0L)));
        producer.completeNext();
        await().until(() -> sentSeqs().equals(List.of(0L, 1L)));
        producer.completeNext();
        await().until(() -> sentSeqs().equals(List.of(0L, 1L, 2L)));
        producer.completeNext();
        await().until(() -> publisher.waiting() == 0);
    }

    @Test
    void aSendThatFailsIsSentAgainBeforeAnyLaterInput() {
        line(session, "a");
        line(session, "b");
        await().until(() -> sentSeqs().size() == 1);

        producer.errorNext(new TimeoutException("Expiring 1 record(s): delivery timeout"));
        await().until(() -> sentSeqs().size() == 2);
        assertEquals(List.of(0L, 0L), sentSeqs(), "the same input again, not the next one");

        producer.completeNext();
        await().until(() -> sentSeqs().size() == 3);
        producer.completeNext();
        assertEquals(List.of(0L, 0L, 1L), sentSeqs());
        await().until(() -> publisher.waiting() == 0);
        assertEquals(List.of(), connection.texts, "nothing was lost, so the player is told nothing");
    }

    @Test
    void aSendThatCannotReachTheBrokerIsRetriedUntilItCan() {
        producer.sendException = new TimeoutException("Topic mud.input not present in metadata after 5000 ms.");
        line(session, "a");
        line(session, "b");
        await().until(() -> publisher.waiting() == 2);

        producer.sendException = null; // the broker is back
        await().until(() -> sentSeqs().size() == 1);
        producer.completeNext();
        await().until(() -> sentSeqs().size() == 2);
        producer.completeNext();
        assertEquals(List.of(0L, 1L), sentSeqs());
    }

    @Test
    void callersNeverWaitForASendThatIsStuck() throws InterruptedException {
        publisher.close();
        StuckProducer stuck = new StuckProducer();
        publisher = start(stuck);
        Session other = new Session("s2", "telnet", "127.0.0.1", connection);

        assertTimeoutPreemptively(ofSeconds(5), () -> {
            line(session, "a");
            await().until(() -> stuck.attempts.get() == 1); // the publishing thread is now stuck in send
            line(session, "b");
            line(other, "c");
        });

        stuck.released.countDown();
        await().until(() -> publisher.waiting() == 0);
        assertEquals(3, stuck.history().size());
    }

    @Test
    void beyondTheSessionsCapAnInputIsRefusedAndTakesNoSequenceNumber() {
        assertEquals(List.of(0L, 1L, 2L), List.of(line(session, "a"), line(session, "b"), line(session, "c")));

        assertEquals(-1, line(session, "d"));
        assertEquals(3, publisher.publishAlways(session,
                seq -> new PlayerInput.Closed(session.id(), "g1", seq, 0, "connection closed")));
    }

    @Test
    void beyondTheGatewaysCapAnyInputIsRefused() {
        Session other = new Session("s2", "telnet", "127.0.0.1", connection);
        line(session, "a");
        line(session, "b");
        line(session, "c");
        line(other, "d");
        line(other, "e");

        assertEquals(-1, line(other, "f"));
    }

    @Test
    void anErrorNoRetryCanMendDropsTheInputAndTellsThePlayerWhichLine() {
        line(session, "a {red}b");
        line(session, "next");
        await().until(() -> sentSeqs().size() == 1);

        producer.errorNext(new RecordTooLargeException("too large"));

        await().until(() -> sentSeqs().size() == 2);
        assertEquals(List.of(0L, 1L), sentSeqs());
        assertEquals(List.of("{red}The game did not get \"" + Markup.escape("a {red}b") + "\".{/}"), connection.texts,
                "the line quoted, as data");
    }
}
