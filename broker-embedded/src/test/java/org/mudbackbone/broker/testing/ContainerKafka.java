package org.mudbackbone.broker.testing;

import org.testcontainers.kafka.KafkaContainer;

/**
 * Apache Kafka in a container, for the same tests where Docker is present. Test classes that use it
 * carry {@code @Testcontainers(disabledWithoutDocker = true)}, so without Docker they are skipped.
 */
public final class ContainerKafka {

    public static final String IMAGE = "apache/kafka:4.3.1";

    private ContainerKafka() {}

    public static KafkaContainer container() {
        return new KafkaContainer(IMAGE);
    }

    public static KafkaBroker of(KafkaContainer container) {
        return container::getBootstrapServers;
    }
}
