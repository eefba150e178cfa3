package org.mudbackbone.systemtest;

import org.junit.jupiter.api.extension.ExtendWith;
import org.mudbackbone.broker.testing.EmbeddedKafkaExtension;

/** The end-to-end test on the embedded KRaft broker (Apache Kafka's own jars, in this JVM). */
@ExtendWith(EmbeddedKafkaExtension.class)
class TwoPlayersMeetOnEmbeddedKafkaTest extends TwoPlayersMeet {}
