package org.mudbackbone.broker.topic;

/**
 * Cluster-dependent topic settings: 1 and 1 on the embedded single-node broker, 3 and 2 in
 * production (set through {@code MUD_KAFKA_REPLICATION_FACTOR} and {@code MUD_KAFKA_MIN_INSYNC_REPLICAS}).
 */
public record TopicSettings(short replicationFactor, int minInsyncReplicas) {

    public static final TopicSettings SINGLE_NODE = new TopicSettings((short) 1, 1);

    public static TopicSettings fromEnvironment() {
        return new TopicSettings(
                Short.parseShort(System.getenv().getOrDefault("MUD_KAFKA_REPLICATION_FACTOR", "1")),
                Integer.parseInt(System.getenv().getOrDefault("MUD_KAFKA_MIN_INSYNC_REPLICAS", "1")));
    }
}
