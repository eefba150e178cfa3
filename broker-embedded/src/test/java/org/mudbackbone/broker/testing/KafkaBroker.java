package org.mudbackbone.broker.testing;

/** A real Kafka broker a test talks to. */
public interface KafkaBroker {

    String bootstrapServers();
}
