package org.mudbackbone.world.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class InputQueueTest {

    private static ConsumerRecord<String, byte[]> record(int partition, long offset, long timestamp) {
        return new ConsumerRecord<>("in", partition, offset, timestamp, TimestampType.CREATE_TIME, 0, 0, "k",
                new byte[0], new RecordHeaders(), Optional.empty());
    }

    private static List<String> drain(InputQueue queue) {
        List<String> order = new ArrayList<>();
        while (!queue.isEmpty()) {
            ConsumerRecord<String, byte[]> r = queue.poll();
            order.add(r.partition() + "@" + r.offset());
        }
        return order;
    }

    @Test
    void theOldestPartitionHeadGoesFirst() {
        InputQueue queue = new InputQueue();
        // as a poll hands them out: partition 0's backlog first, though partition 5's is older
        queue.add(record(0, 10, 3_000));
        queue.add(record(0, 11, 4_000));
        queue.add(record(5, 70, 1_000));
        queue.add(record(5, 71, 3_500));

        assertEquals(List.of("5@70", "0@10", "5@71", "0@11"), drain(queue));
    }

    @Test
    void aPartitionKeepsItsOffsetOrderWhateverItsTimestamps() {
        InputQueue queue = new InputQueue();
        // two gateways' clocks disagree: offset order is still the order the inputs were sent in
        queue.add(record(2, 1, 5_000));
        queue.add(record(2, 2, 1_000));
        queue.add(record(3, 1, 4_000));

        assertEquals(List.of("3@1", "2@1", "2@2"), drain(queue));
    }

    @Test
    void recordsPutBackAreTakenAgainInTheSameOrder() {
        InputQueue queue = new InputQueue();
        queue.add(record(0, 1, 1_000));
        queue.add(record(1, 1, 2_000));
        queue.add(record(0, 2, 3_000));
        List<ConsumerRecord<String, byte[]>> taken = List.of(queue.poll(), queue.poll());

        for (int i = taken.size() - 1; i >= 0; i--) {
            queue.putBack(taken.get(i));
        }

        assertEquals(3, queue.size());
        assertEquals(List.of("0@1", "1@1", "0@2"), drain(queue));
        assertNull(queue.peek());
        assertTrue(queue.isEmpty());
    }
}
