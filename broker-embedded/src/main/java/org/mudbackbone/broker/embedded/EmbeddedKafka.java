package org.mudbackbone.broker.embedded;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node KRaft broker (broker and controller in one) from Apache Kafka's own jars, for the
 * dev stack and the tests. Its data stays in the folder it is given, with the cluster ID beside it,
 * so that a restart finds its topics again.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);
    private static final int NODE_ID = 1;

    private final KafkaRaftServer server;
    private final String bootstrapServers;

    private EmbeddedKafka(KafkaRaftServer server, String bootstrapServers) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
    }

    /** Starts a broker on these ports (0: any free port) keeping its data in {@code dataDir}. */
    public static EmbeddedKafka start(Path dataDir, int port, int controllerPort) {
        return start(dataDir, port, controllerPort, Map.of());
    }

    /**
     * As {@link #start(Path, int, int)}; with {@code users} (name to password), a secured broker:
     * clients sign in with SASL/SCRAM-SHA-512 as one of them, the {@link #ADMIN} user is the only
     * super user, and the authorizer denies what no ACL allows. The credentials are written when the
     * storage is first formatted.
     */
    public static EmbeddedKafka start(Path dataDir, int port, int controllerPort, Map<String, String> users) {
        // A static controller quorum must name its port before the controller binds it. With port 0 we
        // pick free ports; if another process takes one in between, we try again with new ones.
        int attempts = port == 0 || controllerPort == 0 ? 5 : 1;
        RuntimeException last = null;
        for (int i = 0; i < attempts; i++) {
            int p = port == 0 ? freePort() : port;
            int c = controllerPort == 0 ? freePort() : controllerPort;
            try {
                return startOnce(dataDir, p, c, users);
            } catch (RuntimeException e) {
                last = e;
                LOG.warn("embedded broker did not start on ports {}/{}: {}", p, c, e.toString());
            }
        }
        throw last;
    }

    /** The secured broker's administrator: its super user, and the broker's own identity. */
    public static final String ADMIN = "admin";

    private static EmbeddedKafka startOnce(Path dataDir, int port, int controllerPort, Map<String, String> users) {
        Path logDir = dataDir.resolve("log");
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", Integer.toString(NODE_ID));
        props.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("log.dirs", logDir.toString());
        // one node: the internal topics can have one replica and few partitions (faster first transaction)
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("transaction.state.log.num.partitions", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        // lets the world's leader group use a 3 s session timeout (the default minimum is 6 s), so that
        // a standby takes over from a crashed world in about 3 s; see mud.world.leader-timeout-ms
        props.put("group.min.session.timeout.ms", "1000");
        // topics come from the catalogue only; a typo must fail, not create a topic
        props.put("auto.create.topics.enable", "false");
        // the cleaner takes this much heap at start: 128 MiB by default, a few MiB is plenty here
        props.put("log.cleaner.dedupe.buffer.size", Integer.toString(4 * 1024 * 1024));
        if (!users.isEmpty()) {
            secure(props, port, controllerPort, users);
        }
        try {
            Files.createDirectories(logDir);
            format(dataDir, logDir, users);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(props, false), Time.SYSTEM);
        try {
            server.startup();
        } catch (RuntimeException e) {
            server.shutdown();
            throw e;
        }
        String bootstrap = "127.0.0.1:" + port;
        LOG.info("embedded Kafka broker ready on {} (data in {})", bootstrap, dataDir);
        return new EmbeddedKafka(server, bootstrap);
    }

    /** Formats the storage once; the cluster ID is kept beside the data because a new one would not fit it. */
    /**
     * Clients and the broker itself on SASL_PLAINTEXT with SCRAM; the controller listener stays
     * plaintext on loopback, its principal (ANONYMOUS) a super user as the broker's registration needs.
     */
    private static void secure(Properties props, int port, int controllerPort, Map<String, String> users) {
        if (!users.containsKey(ADMIN)) {
            throw new IllegalArgumentException("a secured broker needs the user " + ADMIN);
        }
        props.put("listeners", "SASL_PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "SASL_PLAINTEXT://127.0.0.1:" + port);
        props.put("inter.broker.listener.name", "SASL_PLAINTEXT");
        props.put("listener.security.protocol.map", "SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("sasl.enabled.mechanisms", "SCRAM-SHA-512");
        props.put("sasl.mechanism.inter.broker.protocol", "SCRAM-SHA-512");
        props.put("listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + ADMIN
                        + "\" password=\"" + users.get(ADMIN) + "\";");
        props.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        props.put("super.users", "User:" + ADMIN + ";User:ANONYMOUS");
        props.put("allow.everyone.if.no.acl.found", "false");
    }

    private static void format(Path dataDir, Path logDir, Map<String, String> users) throws IOException {
        Path idFile = dataDir.resolve("cluster.id");
        String clusterId;
        if (Files.exists(idFile)) {
            clusterId = Files.readString(idFile, StandardCharsets.UTF_8).strip();
        } else {
            clusterId = Uuid.randomUuid().toString();
            Files.writeString(idFile, clusterId, StandardCharsets.UTF_8);
        }
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(PrintStream.nullOutputStream()))
                    .setNodeId(NODE_ID)
                    .setClusterId(clusterId)
                    .addDirectory(logDir.toString())
                    .setMetadataLogDirectory(logDir.toString())
                    .setControllerListenerName("CONTROLLER")
                    .setReleaseVersion(MetadataVersion.latestProduction())
                    .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                    .setIgnoreFormatted(true)
                    .setScramArguments(users.entrySet().stream()
                            .map(u -> "SCRAM-SHA-512=[name=" + u.getKey() + ",password=" + u.getValue() + "]").toList())
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("cannot format Kafka storage in " + logDir, e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public void close() {
        LOG.info("stopping embedded Kafka broker on {}", bootstrapServers);
        server.shutdown();
        server.awaitShutdown();
    }
}
