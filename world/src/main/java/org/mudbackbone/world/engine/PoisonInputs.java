package org.mudbackbone.world.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Finds the input whose transaction the broker refuses every time (its output too large, say), so that
 * one bad input costs a few retries instead of the world: after a refused batch of several inputs, the
 * inputs up to its last are done one per transaction; an input refused {@link #ATTEMPTS} times alone
 * is skipped. Input of every other player keeps being done meanwhile.
 */
final class PoisonInputs {

    /** Transactions of one input alone that the broker may refuse before that input is skipped. */
    static final int ATTEMPTS = 3;

    private record Position(TopicPartition partition, long offset) {
        static Position of(ConsumerRecord<?, ?> record) {
            return new Position(new TopicPartition(record.topic(), record.partition()), record.offset());
        }
    }

    /** Per partition, the last offset of a refused batch: up to there, one input per transaction. */
    private final Map<TopicPartition, Long> isolateUpTo = new HashMap<>();
    private final Map<Position, Integer> refusals = new HashMap<>();

    /** The broker refused the transaction that held {@code batch}. */
    void refused(List<? extends ConsumerRecord<?, ?>> batch) {
        if (batch.size() == 1) {
            refusals.merge(Position.of(batch.get(0)), 1, Integer::sum);
        }
        for (ConsumerRecord<?, ?> record : batch) {
            isolateUpTo.merge(new TopicPartition(record.topic(), record.partition()), record.offset(), Math::max);
        }
    }

    /** Whether {@code next} must go in a transaction of its own. */
    boolean isolate(ConsumerRecord<?, ?> next) {
        Long upTo = isolateUpTo.get(new TopicPartition(next.topic(), next.partition()));
        return upTo != null && next.offset() <= upTo;
    }

    /** Whether {@code next} was refused alone often enough to be skipped. */
    boolean exhausted(ConsumerRecord<?, ?> next) {
        return refusals.getOrDefault(Position.of(next), 0) >= ATTEMPTS;
    }

    /** These records are committed (done or skipped): nothing about them needs remembering. */
    void committed(List<? extends ConsumerRecord<?, ?>> batch) {
        for (ConsumerRecord<?, ?> record : batch) {
            refusals.remove(Position.of(record));
            TopicPartition partition = new TopicPartition(record.topic(), record.partition());
            isolateUpTo.computeIfPresent(partition, (p, upTo) -> record.offset() >= upTo ? null : upTo);
        }
    }
}
