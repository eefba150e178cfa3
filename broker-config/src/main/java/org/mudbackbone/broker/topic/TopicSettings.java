package org.mudbackbone.broker.topic;

/**
 * Cluster-dependent topic settings: 3 replicas with 2 in sync in production (a broker can be lost
 * or restarted without losing an acknowledged record or stopping the game), 1 and 1 on the embedded
 * single-node broker of development. Set through {@code MUD_KAFKA_REPLICATION_FACTOR} and
 * {@code MUD_KAFKA_MIN_INSYNC_REPLICAS}; below 3 replicas the services refuse to start unless
 * development mode says so ({@code MUD_DEV_MODE=true}, or {@code -Dmud.dev-mode=true}), so that a
 * production cluster is never given single-copy topics by a forgotten setting.
 */
public record TopicSettings(short replicationFactor, int minInsyncReplicas) {

    public static final TopicSettings SINGLE_NODE = new TopicSettings((short) 1, 1);
    /** The fewest replicas outside development mode. */
    public static final short PRODUCTION_REPLICAS = 3;

    /** From the environment; by default production's 3 and 2, or 1 and 1 in development mode. */
    public static TopicSettings fromEnvironment() {
        boolean dev = devMode();
        TopicSettings settings = new TopicSettings(
                Short.parseShort(System.getenv().getOrDefault("MUD_KAFKA_REPLICATION_FACTOR", dev ? "1" : "3")),
                Integer.parseInt(System.getenv().getOrDefault("MUD_KAFKA_MIN_INSYNC_REPLICAS", dev ? "1" : "2")));
        return settings.checked(dev);
    }

    /** These settings, or a refusal if they are below production's and this is not development. */
    TopicSettings checked(boolean devMode) {
        if (replicationFactor < PRODUCTION_REPLICAS && !devMode) {
            throw new IllegalStateException("replication factor " + replicationFactor + " keeps a single copy of the"
                    + " game's records; production needs MUD_KAFKA_REPLICATION_FACTOR=3 (and MUD_KAFKA_MIN_INSYNC_REPLICAS=2)."
                    + " For a single-node development broker set MUD_DEV_MODE=true.");
        }
        return this;
    }

    /** Whether this process runs for development or tests (the dev stack and the test suite say so). */
    public static boolean devMode() {
        return "true".equalsIgnoreCase(System.getenv("MUD_DEV_MODE")) || Boolean.getBoolean("mud.dev-mode");
    }
}
