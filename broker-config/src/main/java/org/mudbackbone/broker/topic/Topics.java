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

    public Topic input() {
        return new Topic(namespace + ".input", 8, Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                // input waits here while the world is away: keep it well past any restart
                TopicConfig.RETENTION_MS_CONFIG, Long.toString(Duration.ofDays(7).toMillis())));
    }

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

    /** The output topic of one gateway. */
    public Topic output(String gatewayId) {
        requireNamePart("gateway id", gatewayId);
        return new Topic(namespace + ".output." + gatewayId, 1, Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                // output is only for live sessions (and, later, for resuming within a short window)
                TopicConfig.RETENTION_MS_CONFIG, Long.toString(Duration.ofHours(6).toMillis())));
    }

    public Topic worldStatus() {
        return new Topic(namespace + ".world-status", 1, Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                // only the latest signals matter: readers start at the end
                TopicConfig.RETENTION_MS_CONFIG, Long.toString(Duration.ofHours(1).toMillis())));
    }

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
