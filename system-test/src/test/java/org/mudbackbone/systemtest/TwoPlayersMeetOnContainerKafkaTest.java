package org.mudbackbone.systemtest;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mudbackbone.broker.testing.ContainerKafka;
import org.mudbackbone.broker.testing.KafkaBroker;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/** The same end-to-end test on a Testcontainers Kafka; skipped where there is no Docker engine. */
@Testcontainers(disabledWithoutDocker = true)
@ExtendWith(TwoPlayersMeetOnContainerKafkaTest.Broker.class)
class TwoPlayersMeetOnContainerKafkaTest extends TwoPlayersMeet {

    @Container
    static final KafkaContainer KAFKA = ContainerKafka.container();

    static final class Broker implements ParameterResolver {
        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == KafkaBroker.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return ContainerKafka.of(KAFKA);
        }
    }
}
