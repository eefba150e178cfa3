package org.mudbackbone.gateway.session;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.mudbackbone.broker.client.ClientPresets;
import org.mudbackbone.broker.client.TopicPartitions;
import org.mudbackbone.broker.message.GameOutput;
import org.mudbackbone.broker.message.OutputBatch;
import org.mudbackbone.broker.topic.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds missed output in another gateway's output topic (kept 6 hours): a consumer of its own,
 * without a group, seeks to the first record written at {@code since} (by the world's clock) and
 * reads to the end committed when it began, keeping one session's outputs. The search is bounded in
 * time; the world has already sent the session's later output here, so the end never moves on.
 */
public final class OutputTopicSearch implements MissedOutput {

    private static final Logger LOG = LoggerFactory.getLogger(OutputTopicSearch.class);
    private static final Duration LIMIT = Duration.ofSeconds(30);

    private final String bootstrapServers;
    private final Topics topics;
    private final String gatewayId;

    public OutputTopicSearch(String bootstrapServers, Topics topics, String gatewayId) {
        this.bootstrapServers = bootstrapServers;
        this.topics = topics;
        this.gatewayId = gatewayId;
    }

    @Override
    public List<GameOutput> after(String gateway, String session, long lastSeen, long since) {
        Properties config = ClientPresets.outputConsumer(bootstrapServers, gatewayId);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "gateway-" + gatewayId + "-replay");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<GameOutput> found = new ArrayList<>();
        long started = System.currentTimeMillis();
        int records = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = TopicPartitions.of(consumer, topics.output(gateway), LIMIT);
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, LIMIT);
            Map<TopicPartition, OffsetAndTimestamp> start = consumer.offsetsForTimes(
                    partitions.stream().collect(java.util.stream.Collectors.toMap(p -> p, p -> Math.max(0, since))), LIMIT);
            for (TopicPartition partition : partitions) {
                OffsetAndTimestamp at = start.get(partition);
                consumer.seek(partition, at == null ? end.get(partition) : at.offset());
            }
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.currentTimeMillis() - started > LIMIT.toMillis()) {
                    LOG.warn("session {}: the search of {}'s output stopped after {} s; what it found is shown",
                            session, gateway, LIMIT.toSeconds());
                    break;
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() >= end.get(new TopicPartition(record.topic(), record.partition()))) {
                        continue;
                    }
                    records++;
                    for (GameOutput output : OutputBatch.decode(record.value())) {
                        if (output.session().equals(session) && output.seq() > lastSeen) {
                            found.add(output);
                        }
                    }
                }
            }
        }
        found.sort(Comparator.comparingLong(GameOutput::seq));
        LOG.info("session {}: {} missed output(s) found in {} record(s) of gateway {}'s output in {} ms", session,
                found.size(), records, gateway, System.currentTimeMillis() - started);
        return found;
    }
}
