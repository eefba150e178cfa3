package org.mudbackbone.broker.topic;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.TopicConfig;

/**
 * The topic catalogue of one game. Services never spell a topic name: they ask this catalogue.
 * Every name starts with the game's namespace ({@code mud} unless configured), so that several games
 * (or staging beside production, or one test beside another) can share a Kafka cluster.
 *
 * <ul>
 *   <li>{@link #input()}: every session's input, keyed by the controlled object's ID; values
 *       {@code PlayerInput} (codec {@code JsonCodec.INPUT}). Writers: gateways.
 *   <li>{@link #state()}: one compacted record per world object; values are the world's own JSON
 *       documents; a tombstone deletes. One writer: the active world.
 *   <li>{@link #output(String)}: one topic per gateway with the output for its sessions, keyed by
 *       session ID; values {@code GameOutput} (codec {@code JsonCodec.OUTPUT}). Each gateway creates its
 *       own at start, so adding a gateway needs no hand-made broker change. One writer: the active world.
 *   <li>{@link #worldStatus()}: the active world's heartbeats and stopping signal ({@code WorldSignal},
 *       codec {@code JsonCodec.SIGNAL}), read by every gateway. One writer: the active world.
 *   <li>{@link #worldLock()}: never written; world instances join one consumer group on it, and the
 *       one that holds its only partition is the active world.
 * </ul>
 */
public record Topics(String namespace) {

    private static final Pattern NAME_PART = Pattern.compile("[A-Za-z0-9_-]{1,100}");

    public static final String DEFAULT_NAMESPACE = "mud";

    public Topics {
        requireNamePart("namespace", namespace);
    }

    /**
     * 8 partitions: keyed by object, so one object's input keeps its order while the world reads
     * many partitions at once; fixed for the game's life, since a new count moves keys between
     * partitions (the ops command reports a topic whose count differs, and never changes it).
     */
    public Topic input() {
        return new Topic(namespace + ".input", 8, Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                // input waits here while the world is away, but a typed line older than the world's age
                // limit (60 s) is never done: hours cover any outage worth waiting out, and a leaked
                // topic holds hours of what players typed, not a week of it
                TopicConfig.RETENTION_MS_CONFIG, Long.toString(Duration.ofHours(6).toMillis())));
    }

    /** 4 partitions: compacted and read back in parallel when a world takes over. */
    public Topic state() {
        return new Topic(namespace + ".state", 4, Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                // tombstones must outlive the slowest world rebuild, or a deleted object could come back
                TopicConfig.DELETE_RETENTION_MS_CONFIG, Long.toString(Duration.ofDays(1).toMillis()),
                // only closed segments are compacted: with the default 1 GiB segment a busy game's state
                // never rolls, and a world taking over reads every record ever written instead of one
                // per live object; a segment closes after 10 minutes or 64 MiB
                TopicConfig.SEGMENT_MS_CONFIG, Long.toString(Duration.ofMinutes(10).toMillis()),
                TopicConfig.SEGMENT_BYTES_CONFIG, Integer.toString(64 * 1024 * 1024)));
    }

    /**
     * The output topic of one gateway: 1 partition, read by that gateway alone, so every session's
     * output arrives in the order the world wrote it.
     */
    public Topic output(String gatewayId) {
        requireNamePart("gateway id", gatewayId);
        return new Topic(namespace + ".output." + gatewayId, 1, Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                // output is for live sessions, and for what a client resuming at another gateway missed:
                // 6 h is far past the 10-minute resume window, and past a gateway's restart
                TopicConfig.RETENTION_MS_CONFIG, Long.toString(Duration.ofHours(6).toMillis())));
    }

    /** 1 partition: one writer (the active world), read from its end by every gateway. */
    public Topic worldStatus() {
        return new Topic(namespace + ".world-status", 1, Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                // only the latest signals matter: readers start at the end
                TopicConfig.RETENTION_MS_CONFIG, Long.toString(Duration.ofHours(1).toMillis())));
    }

    /** 1 partition, never written: the world instance that holds it in the leader group is active. */
    public Topic worldLock() {
        return new Topic(namespace + ".world-lock", 1, Map.of());
    }

    /** The topics every world and gateway needs before it starts. */
    public List<Topic> shared() {
        return List.of(input(), state(), worldStatus(), worldLock());
    }

    private static void requireNamePart(String what, String value) {
        if (value == null || !NAME_PART.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " must match " + NAME_PART + ": " + value);
        }
    }
}
