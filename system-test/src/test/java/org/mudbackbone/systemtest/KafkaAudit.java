package org.mudbackbone.systemtest;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.mudbackbone.broker.topic.Topics;

/** Audits of what Kafka holds, read record by record. */
final class KafkaAudit {

    private KafkaAudit() {}

    /** Reads every record of the input, state and output topics and looks for each secret in each. */
    static void assertSecretsNeverInKafka(String bootstrapServers, Topics topics, String gatewayId, List<String> secrets) {
        int records = 0;
        for (String topic : List.of(topics.input().name(), topics.state().name(), topics.output(gatewayId).name())) {
            for (var record : TopicReader.readAll(bootstrapServers, topic)) {
                records++;
                if (record.value() == null) {
                    continue;
                }
                String value = new String(record.value(), StandardCharsets.UTF_8);
                for (String secret : secrets) {
                    if (value.contains(secret)) {
                        fail("a password is in " + topic + ": " + value);
                    }
                }
            }
        }
        assertTrue(records > 0, "nothing to audit");
    }
}
