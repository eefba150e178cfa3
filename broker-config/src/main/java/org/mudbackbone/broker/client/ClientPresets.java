package org.mudbackbone.broker.client;

import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Kafka client settings for each role, each with the reason it is set. Keys are strings (IDs) and
 * values bytes: services decode with {@code JsonCodec} so that an unreadable record is skipped and
 * logged instead of killing a poll loop inside a deserializer.
 */
public final class ClientPresets {

    private ClientPresets() {}

    /** A gateway publishing player input. */
    public static Properties inputProducer(String bootstrapServers, String gatewayId) {
        Properties p = producerBase(bootstrapServers);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "gateway-" + gatewayId);
        // a player's line must survive a broker failover and never be written twice by a retry
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // a typed line goes out at once; under load batches form by themselves while a send is in flight
        p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        // while the broker is away the gateway keeps retrying for two minutes before telling the player
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000);
        // send() blocks while the topic's metadata is missing (broker away): the gateway sends from one
        // thread of its own and retries the same record, so a short bound keeps retries and shutdown prompt
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        // a request the broker has not answered in 5 s is sent again (idempotence keeps the line single):
        // with the 30 s default a line could wait a minute on two lost requests, past the world's age limit
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        return p;
    }

    /** The world's one producer: state, output and consumed offsets commit in one transaction. */
    public static Properties worldProducer(String bootstrapServers, String transactionalId) {
        Properties p = producerBase(bootstrapServers);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, transactionalId);
        // the same id on every world instance: a new instance's initTransactions fences the old one
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        // the commit flushes the batch; lingering would only delay it
        p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        // output repeats itself (a say is the same text for every listener): lz4 shrinks it several
        // times over for little CPU, and the broker stores and serves fewer bytes
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        // a CONCURRENT_TRANSACTIONS answer is retried after this, not after the default 100 ms (STACK.md: p99.9 105 -> 25 ms)
        p.put(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, 10);
        // a transaction left open by a dead world is aborted by the coordinator after this long
        p.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 30_000);
        // The next three bound how long the world can sit inside one Kafka call: a world paused or cut
        // off from the broker finds out within seconds that it was fenced or cannot commit, instead of
        // after the 30 s, 120 s and 60 s defaults, and starts a new term. A MUD whose broker has not
        // answered one request in 5 s is not serving players anyway. See WORLD_CALL_BOUND.
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, WORLD_REQUEST_TIMEOUT_MS);
        // a record not acknowledged by then fails its transaction, which is aborted and done again
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, WORLD_REQUEST_TIMEOUT_MS * 2);
        // initTransactions, commitTransaction, abortTransaction and a send waiting for metadata
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, WORLD_REQUEST_TIMEOUT_MS);
        return p;
    }

    /** How long the world's producer waits for one broker answer (see {@link #worldProducer}). */
    public static final int WORLD_REQUEST_TIMEOUT_MS = 5_000;

    /**
     * The longest the world can spend inside one call on its producer: a blocking call gives up
     * after {@code max.block.ms}, and a record in its transaction after {@code delivery.timeout.ms}.
     */
    public static final java.time.Duration WORLD_CALL_BOUND = java.time.Duration.ofMillis(WORLD_REQUEST_TIMEOUT_MS * 2L);

    /** The world reading player input; where it starts is kept in its state, not in this group. */
    public static Properties inputConsumer(String bootstrapServers, String groupId) {
        Properties p = consumerBase(bootstrapServers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, groupId + "-input");
        // the world keeps its input positions in its state, written in the transaction with the effects
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // a world that has never committed starts at the first input kept: nothing typed before it is lost
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // a poll takes from many partitions at once, so that the world can do the oldest input first
        // (its transactions are bounded by their own budget, not by the poll)
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
        return p;
    }

    /** The world rebuilding its memory from the state topic; it reads to the end and stops. */
    public static Properties stateReader(String bootstrapServers, String clientId) {
        Properties p = consumerBase(bootstrapServers);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // no group: the whole topic is read from the start every time
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // large polls: start-up time is the rebuild, and the rebuild is a bulk read
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000);
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1024 * 1024);
        return p;
    }

    /**
     * A world instance's membership in the leader group: the member holding the lock topic's one
     * partition is the active world. Its session timeout is how long a crashed active world goes
     * unnoticed before a standby takes over.
     *
     * @param staticId the instance's stable name, or empty: with one, a restarted instance replaces its
     *                 crashed self in the group at once instead of waiting out the session timeout
     */
    public static Properties leaderElection(String bootstrapServers, String groupId, String instance,
            String staticId, int sessionTimeoutMs) {
        Properties p = consumerBase(bootstrapServers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, groupId + "-" + instance);
        if (!staticId.isEmpty()) {
            p.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, staticId);
        }
        // the classic protocol: its session timeout may be as short as the broker's 6 s minimum
        p.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "classic");
        p.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, sessionTimeoutMs);
        // sticky: the leader keeps the lead when another instance joins or an old leader comes back
        // (the default puts Range first, which hands the partition to the lowest member name)
        p.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        // often: a standby hears of a rebalance (the leader left) at its next heartbeat, so this bounds
        // a planned handover; well under a third of the session timeout, so a live leader is never taken for dead
        p.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, Math.min(500, sessionTimeoutMs / 3));
        // the active world polls this consumer between batches; a batch stuck longer than this is a hung world
        p.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, 30_000);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return p;
    }

    /** A gateway reading the output for its own sessions. */
    public static Properties outputConsumer(String bootstrapServers, String gatewayId) {
        Properties p = consumerBase(bootstrapServers);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "gateway-" + gatewayId + "-output");
        // no group and no committed offsets: the gateway assigns its own topic and starts at the end
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        return p;
    }

    private static Properties producerBase(String bootstrapServers) {
        Properties p = ClientSecurity.fromEnvironment().applyTo(new Properties());
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return p;
    }

    private static Properties consumerBase(String bootstrapServers) {
        Properties p = ClientSecurity.fromEnvironment().applyTo(new Properties());
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        // only what the world committed is read: output and state of an aborted transaction never appear
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString().toLowerCase());
        return p;
    }
}
