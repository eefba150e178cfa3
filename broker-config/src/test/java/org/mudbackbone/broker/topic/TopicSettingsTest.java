package org.mudbackbone.broker.topic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TopicSettingsTest {

    @Test
    void oneReplicaIsRefusedOutsideDevelopmentWithWhatToSet() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> new TopicSettings((short) 1, 1).checked(false));
        assertTrue(refused.getMessage().contains("MUD_KAFKA_REPLICATION_FACTOR=3"), refused.getMessage());
        assertTrue(refused.getMessage().contains("MUD_DEV_MODE=true"), refused.getMessage());
    }

    @Test
    void productionAndDevelopmentSettingsPass() {
        assertEquals(3, new TopicSettings((short) 3, 2).checked(false).replicationFactor());
        assertEquals(1, new TopicSettings((short) 1, 1).checked(true).replicationFactor());
    }
}
