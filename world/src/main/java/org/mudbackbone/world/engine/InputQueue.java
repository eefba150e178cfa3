package org.mudbackbone.world.engine;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Input read but not yet done. Within a partition records keep their offset order, so one key's
 * inputs are done in the order they were sent; across partitions the oldest head goes first. After
 * an absence, every player's lines are then done in about the order they were typed: the consumer
 * hands out partitions in fetch order, not by age, and a world that read one partition's backlog
 * before another's let the other's lines pass the input age limit while newer lines were done.
 */
final class InputQueue {

    private final Map<Integer, ArrayDeque<ConsumerRecord<String, byte[]>>> byPartition = new TreeMap<>();
    private int size;

    void add(ConsumerRecord<String, byte[]> record) {
        byPartition.computeIfAbsent(record.partition(), p -> new ArrayDeque<>()).addLast(record);
        size++;
    }

    /** Puts a record taken from here back in front of its partition: put back in reverse order of taking. */
    void putBack(ConsumerRecord<String, byte[]> record) {
        byPartition.computeIfAbsent(record.partition(), p -> new ArrayDeque<>()).addFirst(record);
        size++;
    }

    /** The oldest record at the head of a partition, or null if there is none. */
    ConsumerRecord<String, byte[]> peek() {
        ArrayDeque<ConsumerRecord<String, byte[]>> oldest = oldestHead();
        return oldest == null ? null : oldest.peekFirst();
    }

    ConsumerRecord<String, byte[]> poll() {
        ArrayDeque<ConsumerRecord<String, byte[]>> oldest = oldestHead();
        if (oldest == null) {
            return null;
        }
        size--;
        return oldest.pollFirst();
    }

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    void clear() {
        byPartition.clear();
        size = 0;
    }

    private ArrayDeque<ConsumerRecord<String, byte[]>> oldestHead() {
        ArrayDeque<ConsumerRecord<String, byte[]>> oldest = null;
        for (ArrayDeque<ConsumerRecord<String, byte[]>> queue : byPartition.values()) {
            ConsumerRecord<String, byte[]> head = queue.peekFirst();
            if (head != null && (oldest == null || head.timestamp() < oldest.peekFirst().timestamp())) {
                oldest = queue;
            }
        }
        return oldest;
    }
}
