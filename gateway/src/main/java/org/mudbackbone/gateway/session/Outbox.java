package org.mudbackbone.gateway.session;

import java.util.ArrayDeque;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.mudbackbone.broker.message.PlayerInput;

/**
 * One session's input that Kafka has not acknowledged yet, oldest first. Only the head is ever in
 * flight: a record that fails is sent again before any later one, so the world sees the session's
 * input in sequence order even across a broker outage.
 */
final class Outbox {

    /** One queued input and the record that carries it. */
    record Entry(PlayerInput input, ProducerRecord<String, byte[]> record) {}

    private final Session session;
    private final ArrayDeque<Entry> entries = new ArrayDeque<>();
    /** The head is in flight or waiting for the publishing thread: nobody else may schedule it. */
    private boolean busy;

    Outbox(Session session) {
        this.session = session;
    }

    Session session() {
        return session;
    }

    /** Adds an entry; true if the outbox was idle, so the caller must schedule its head. */
    synchronized boolean add(Entry entry) {
        entries.add(entry);
        if (busy) {
            return false;
        }
        busy = true;
        return true;
    }

    synchronized Entry head() {
        return entries.peek();
    }

    /** The head is done with (sent or given up); true if another entry is due, and the caller schedules it. */
    synchronized boolean removeHead() {
        entries.poll();
        busy = !entries.isEmpty();
        return busy;
    }

    synchronized int size() {
        return entries.size();
    }

    synchronized boolean isEmpty() {
        return entries.isEmpty();
    }
}
