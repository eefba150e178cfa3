package org.mudbackbone.gateway.session;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** A producer whose send blocks, as a real one does while the broker's metadata is missing, until released. */
final class StuckProducer extends MockProducer<String, byte[]> {

    final CountDownLatch released = new CountDownLatch(1);
    final AtomicInteger attempts = new AtomicInteger();

    StuckProducer() {
        super(true, null, new StringSerializer(), new ByteArraySerializer());
    }

    @Override
    public Future<RecordMetadata> send(ProducerRecord<String, byte[]> record, Callback callback) {
        attempts.incrementAndGet();
        try {
            released.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return super.send(record, callback);
    }
}
