package org.mudbackbone.gateway.session;

import java.time.Duration;
import java.util.function.LongFunction;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.mudbackbone.broker.client.ClientPresets;
import org.mudbackbone.broker.message.JsonCodec;
import org.mudbackbone.broker.message.PlayerInput;
import org.mudbackbone.broker.topic.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Publishes each session's input to the input topic, keyed by the object the session controls. */
public final class InputPublisher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(InputPublisher.class);

    private final Producer<String, byte[]> producer;
    private final String topic;

    public InputPublisher(String bootstrapServers, Topics topics, String gatewayId) {
        this.topic = topics.input().name();
        this.producer = new KafkaProducer<>(ClientPresets.inputProducer(bootstrapServers, gatewayId));
    }

    /**
     * Sends one input built with the session's next sequence number. Taking the number and sending
     * happen under the session's lock, so sequence order is send order even across threads.
     */
    long publish(Session session, LongFunction<PlayerInput> input) {
        synchronized (session) {
            PlayerInput record = input.apply(session.takeInputSeq());
            session.published(record.seq());
            producer.send(new ProducerRecord<>(topic, session.inputKey(), JsonCodec.INPUT.encode(record)),
                    (metadata, error) -> {
                        if (error != null) {
                            LOG.error("session {}: input {} not published: {}", session.id(), record.seq(), error.toString());
                            session.connection().text("{red}The game did not get your last input; please try again.{/}");
                        }
                    });
            return record.seq();
        }
    }

    @Override
    public void close() {
        // what players typed before shutdown still goes out
        producer.close(Duration.ofSeconds(10));
    }
}
