package org.mudbackbone.world;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * A world's settings ({@code mud.world.*}, or environment variables such as {@code MUD_KAFKA_BOOTSTRAP}).
 *
 * @param bootstrapServers   the Kafka cluster
 * @param namespace          the game's topic namespace (the same for its world and gateways)
 * @param transactionalId    the same for every instance of one world: a new instance fences the old
 *                           (empty: {@code <namespace>-world}, so two games on one cluster never fence each other)
 * @param groupId            the consumer group whose committed offsets say where the world resumes; its
 *                           leader group is this plus {@code -leader} (empty: {@code <namespace>-world})
 * @param hashMemoryKib      Argon2id memory cost asked of gateways for new accounts
 * @param hashIterations     Argon2id time cost asked of gateways for new accounts
 * @param heartbeatMs        how often the active world tells gateways it is there
 * @param leaderTimeoutMs    how long a crashed active world goes unnoticed before a standby leads
 *                           (the leader group's session timeout; at least the broker's minimum, 6 s by default)
 * @param maxInputAgeSeconds a line kept while the world was away and older than this is dropped with a notice
 * @param bellMinutes        how often the town bell tolls (a sample ticker)
 * @param instanceId         a stable name for this instance (empty: none); with one, a world restarted
 *                           after a crash leads at once instead of after {@code leaderTimeoutMs}. Give each
 *                           instance (active and standby) its own.
 * @param gatewayTimeoutMs   a gateway silent this long is taken for dead and its sessions end
 *                           (resumable ones after the resume window)
 * @param resumeWindowSeconds how long a resumable session of a dead gateway waits for its client
 */
@ConfigurationProperties("mud.world")
public record WorldConfig(
        @Bindable(defaultValue = "127.0.0.1:9092") String bootstrapServers,
        @Bindable(defaultValue = "mud") String namespace,
        @Bindable(defaultValue = "") String transactionalId,
        @Bindable(defaultValue = "") String groupId,
        @Bindable(defaultValue = "19456") int hashMemoryKib,
        @Bindable(defaultValue = "2") int hashIterations,
        @Bindable(defaultValue = "" + WorldConfig.DEFAULT_HEARTBEAT_MS) int heartbeatMs,
        @Bindable(defaultValue = "" + WorldConfig.DEFAULT_LEADER_TIMEOUT_MS) int leaderTimeoutMs,
        @Bindable(defaultValue = "" + WorldConfig.DEFAULT_MAX_INPUT_AGE_SECONDS) int maxInputAgeSeconds,
        @Bindable(defaultValue = "15") int bellMinutes,
        @Bindable(defaultValue = "") String instanceId,
        @Bindable(defaultValue = "10000") int gatewayTimeoutMs,
        @Bindable(defaultValue = "600") int resumeWindowSeconds) {

    public static final int DEFAULT_HEARTBEAT_MS = 1000;
    public static final int DEFAULT_LEADER_TIMEOUT_MS = 6000;
    public static final int DEFAULT_MAX_INPUT_AGE_SECONDS = 60;

    /** The identity every instance of this namespace's world shares, unless one is configured. */
    private String worldIdentity(String configured) {
        return configured == null || configured.isBlank() ? namespace + "-world" : configured;
    }

    public String effectiveTransactionalId() {
        return worldIdentity(transactionalId);
    }

    public String effectiveGroupId() {
        return worldIdentity(groupId);
    }
}
