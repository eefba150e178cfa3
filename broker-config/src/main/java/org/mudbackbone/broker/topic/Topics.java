package org.mudbackbone.broker.topic;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.TopicConfig;

/**
 * The topic catalogue. Services never spell a topic name: they use these constants.
 *
 * <ul>
 *   <li>{@link #INPUT}: every session's input, keyed by the controlled object's ID; values
 *       {@code PlayerInput} (codec {@code JsonCodec.INPUT}). One writer kind: gateways.
 *   <li>{@link #STATE}: one compacted record per world object; values are the world's own JSON
 *       documents; a tombstone deletes. One writer: the active world.
 *   <li>{@link #output(String)}: one topic per gateway with the output for its sessions, keyed by
 *       session ID; values {@code GameOutput} (codec {@code JsonCodec.OUTPUT}). Each gateway creates its
 *       own at start, so adding a gateway needs no hand-made broker change.
 * </ul>
 */
public final class Topics {

    private static final Pattern GATEWAY_ID = Pattern.compile("[A-Za-z0-9_-]{1,100}");

    public static final Topic INPUT = new Topic("mud.input", 8, Map.of(
            TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
            // input waits here while the world is away: keep it well past any restart
            TopicConfig.RETENTION_MS_CONFIG, Long.toString(Duration.ofDays(7).toMillis())));

    public static final Topic STATE = new Topic("mud.state", 4, Map.of(
            TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
            // tombstones must outlive the slowest world rebuild, or a deleted object could come back
            TopicConfig.DELETE_RETENTION_MS_CONFIG, Long.toString(Duration.ofDays(1).toMillis())));

    private static final String OUTPUT_PREFIX = "mud.output.";

    private Topics() {}

    /** The output topic of one gateway. */
    public static Topic output(String gatewayId) {
        if (!GATEWAY_ID.matcher(gatewayId).matches()) {
            throw new IllegalArgumentException("gateway id must match " + GATEWAY_ID + ": " + gatewayId);
        }
        return new Topic(OUTPUT_PREFIX + gatewayId, 1, Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                // output is only for live sessions (and, later, for resuming within a short window)
                TopicConfig.RETENTION_MS_CONFIG, Long.toString(Duration.ofHours(6).toMillis())));
    }

    /** The topics every world and gateway needs before it starts. */
    public static List<Topic> shared() {
        return List.of(INPUT, STATE);
    }
}
