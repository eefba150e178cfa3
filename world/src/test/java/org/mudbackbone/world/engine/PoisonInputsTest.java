package org.mudbackbone.world.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class PoisonInputsTest {

    private final PoisonInputs poison = new PoisonInputs();

    private static ConsumerRecord<String, byte[]> at(int partition, long offset) {
        return new ConsumerRecord<>("mud.input", partition, offset, "key", new byte[0]);
    }

    @Test
    void aRefusedBatchIsDoneOneInputPerTransactionUpToItsLastInput() {
        poison.refused(List.of(at(0, 10), at(0, 11), at(1, 5)));

        assertTrue(poison.isolate(at(0, 10)));
        assertTrue(poison.isolate(at(0, 11)));
        assertTrue(poison.isolate(at(1, 5)));
        assertFalse(poison.isolate(at(0, 12)), "input after the refused batch is batched again");
        assertFalse(poison.exhausted(at(0, 10)), "a batch refusal blames no single input");
    }

    @Test
    void anInputRefusedAloneAttemptsTimesIsSkippedAndOthersAreNot() {
        for (int i = 0; i < PoisonInputs.ATTEMPTS - 1; i++) {
            poison.refused(List.of(at(0, 11)));
        }
        assertFalse(poison.exhausted(at(0, 11)));

        poison.refused(List.of(at(0, 11)));

        assertTrue(poison.exhausted(at(0, 11)));
        assertFalse(poison.exhausted(at(0, 12)));
    }

    @Test
    void committingPastARefusedBatchEndsIsolation() {
        poison.refused(List.of(at(0, 10), at(0, 11)));
        poison.committed(List.of(at(0, 10)));
        assertTrue(poison.isolate(at(0, 11)));

        poison.committed(List.of(at(0, 11)));

        assertFalse(poison.isolate(at(0, 11)));
        assertFalse(poison.isolate(at(0, 12)));
    }
}
