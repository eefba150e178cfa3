package org.mudbackbone.bench.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.ReplicaInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * What commands cost in Kafka: each topic's records (offsets, so commit markers count) and bytes on
 * the broker's disk (after batching and compression, one replica), read before and after a
 * scenario. Only the topics of one namespace are read, so the floor beside it does not count.
 */
final class KafkaCost implements AutoCloseable {

    /** One topic's records and bytes at a moment. */
    record Size(long records, long bytes) {}

    /** A topic's growth over a scenario, per command answered. */
    record PerCommand(String topic, double records, double bytes) {}

    private final Admin admin;
    private final String prefix;

    KafkaCost(String bootstrap, String namespace) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000));
        this.prefix = namespace + ".";
    }

    /** Every topic of the namespace, by name; empty if the broker does not answer. */
    Map<String, Size> read() {
        try {
            List<String> names = admin.listTopics().names().get(15, TimeUnit.SECONDS).stream()
                    .filter(n -> n.startsWith(prefix)).toList();
            Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
            admin.describeTopics(names).allTopicNames().get(15, TimeUnit.SECONDS).forEach((name, d) ->
                    d.partitions().forEach(p -> latest.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
            var offsets = admin.listOffsets(latest).all().get(15, TimeUnit.SECONDS);
            List<Integer> brokers = admin.describeCluster().nodes().get(15, TimeUnit.SECONDS).stream()
                    .map(org.apache.kafka.common.Node::id).toList();
            Map<TopicPartition, Long> bytes = new java.util.HashMap<>();
            admin.describeLogDirs(brokers).allDescriptions().get(15, TimeUnit.SECONDS).values().forEach(dirs ->
                    dirs.values().forEach(dir -> {
                        for (Map.Entry<TopicPartition, ReplicaInfo> r : dir.replicaInfos().entrySet()) {
                            bytes.putIfAbsent(r.getKey(), r.getValue().size()); // one replica's bytes
                        }
                    }));
            Map<String, Size> sizes = new TreeMap<>();
            offsets.forEach((tp, info) -> sizes.merge(tp.topic(), new Size(info.offset(), bytes.getOrDefault(tp, 0L)),
                    (a, b) -> new Size(a.records() + b.records(), a.bytes() + b.bytes())));
            return sizes;
        } catch (Exception e) {
            return Map.of();
        }
    }

    /** Growth of each topic between two readings, divided by {@code commands}. */
    static List<PerCommand> perCommand(Map<String, Size> before, Map<String, Size> after, long commands) {
        List<PerCommand> costs = new ArrayList<>();
        if (commands <= 0) {
            return costs;
        }
        after.forEach((topic, a) -> {
            Size b = before.getOrDefault(topic, new Size(0, 0));
            costs.add(new PerCommand(topic, (a.records() - b.records()) / (double) commands,
                    (a.bytes() - b.bytes()) / (double) commands));
        });
        return costs;
    }

    static String markdown(String scenario, List<PerCommand> costs, long commands, double transactions) {
        if (costs.isEmpty()) {
            return "";
        }
        String rows = costs.stream().filter(c -> c.records() > 0 || c.bytes() > 0)
                .map(c -> String.format(Locale.ROOT, "| %s | %.2f | %.0f |", c.topic(), c.records(), c.bytes()))
                .collect(Collectors.joining("\n"));
        double records = costs.stream().mapToDouble(PerCommand::records).sum();
        double bytes = costs.stream().mapToDouble(PerCommand::bytes).sum();
        return String.format(Locale.ROOT, """

                What one command costs in Kafka in %s (growth of each topic over the world's run, divided by the
                %d commands answered; records are offsets, so commit markers count; bytes are on the broker's disk,
                batched and compressed, one replica; %.1f commands per world transaction):

                | topic | records per command | bytes per command |
                |---|---|---|
                %s
                | **all** | **%.2f** | **%.0f** |
                """, scenario, commands, transactions > 0 ? commands / transactions : Double.NaN, rows, records, bytes);
    }

    @Override
    public void close() {
        admin.close();
    }
}
