package org.mudbackbone.broker.client;

import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.mudbackbone.broker.topic.Topic;

/** The partitions of a topic, as a consumer to be assigned them needs them. */
public final class TopicPartitions {

    private TopicPartitions() {}

    /**
     * Every partition of {@code topic}. A topic created a moment ago may not be in the client's
     * metadata yet, and {@code partitionsFor} then answers with none: this waits for it instead of
     * letting a service silently read nothing.
     */
    public static List<TopicPartition> of(Consumer<?, ?> consumer, Topic topic, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic.name(), Duration.ofSeconds(5));
            if (infos != null && !infos.isEmpty()) {
                return infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("topic " + topic.name() + " has no partitions after " + timeout);
            }
            try {
                Thread.sleep(50); // metadata refresh back-off: nothing to wait on but time
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + topic.name(), e);
            }
        }
    }
}
