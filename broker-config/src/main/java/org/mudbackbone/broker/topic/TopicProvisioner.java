package org.mudbackbone.broker.topic;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the topics that are missing, sets the catalogue's settings on those that exist, and reports
 * what it cannot change (partitions, replicas). Safe to run by every service at start, by several at
 * once, and by hand as an ops command ({@code ./mud topics}):
 * {@code java -cp ... org.mudbackbone.broker.topic.TopicProvisioner <bootstrap> <namespace> [gateway-id...]}.
 */
public final class TopicProvisioner {

    private static final Logger LOG = LoggerFactory.getLogger(TopicProvisioner.class);

    private final String bootstrapServers;
    private final TopicSettings settings;
    private final org.mudbackbone.broker.client.ClientSecurity security;
    private final List<String> differences = new ArrayList<>();

    public TopicProvisioner(String bootstrapServers, TopicSettings settings) {
        this(bootstrapServers, settings, org.mudbackbone.broker.client.ClientSecurity.fromEnvironment());
    }

    /** As the two-argument form, signed in as {@code security} says rather than the environment. */
    public TopicProvisioner(String bootstrapServers, TopicSettings settings, org.mudbackbone.broker.client.ClientSecurity security) {
        this.security = security;
        this.bootstrapServers = bootstrapServers;
        this.settings = settings;
    }

    /** Ensures each topic exists; returns the names it created. */
    public List<String> ensure(Collection<Topic> topics) {
        differences.clear();
        Properties props = security.applyTo(new Properties());
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        // a service that starts before the broker keeps trying for a while instead of failing at once
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 60_000);
        try (Admin admin = Admin.create(props)) {
            Set<String> existing = admin.listTopics().names().get(60, TimeUnit.SECONDS);
            List<String> created = new ArrayList<>();
            for (Topic topic : topics) {
                if (existing.contains(topic.name())) {
                    converge(admin, topic);
                    compareShape(admin, topic);
                    continue;
                }
                Map<String, String> config = new HashMap<>(topic.config());
                config.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(settings.minInsyncReplicas()));
                NewTopic newTopic = new NewTopic(topic.name(), topic.partitions(), settings.replicationFactor())
                        .configs(config);
                try {
                    admin.createTopics(List.of(newTopic)).all().get(60, TimeUnit.SECONDS);
                    created.add(topic.name());
                    LOG.info("created topic {} ({} partitions, replication {})",
                            topic.name(), topic.partitions(), settings.replicationFactor());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                    // another service created it between our list and our create: that is fine
                }
            }
            return created;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while provisioning topics", e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot provision topics on " + bootstrapServers, e);
        }
    }

    /**
     * Sets the catalogue's settings on a topic that exists already (made by an older release), so
     * that a setting added to the catalogue reaches every game; settings the catalogue does not name
     * are left as the operator set them.
     */
    private static void converge(Admin admin, Topic topic) throws Exception {
        if (topic.config().isEmpty()) {
            return;
        }
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic.name());
        Config current = describe(admin, resource);
        List<AlterConfigOp> changes = topic.config().entrySet().stream()
                .filter(e -> current.get(e.getKey()) == null || !e.getValue().equals(current.get(e.getKey()).value()))
                .map(e -> new AlterConfigOp(new ConfigEntry(e.getKey(), e.getValue()), AlterConfigOp.OpType.SET))
                .toList();
        if (!changes.isEmpty()) {
            admin.incrementalAlterConfigs(Map.of(resource, changes)).all().get(60, TimeUnit.SECONDS);
            LOG.info("updated topic {}: {}", topic.name(), changes.stream().map(c -> c.configEntry().name()).toList());
        }
    }

    /**
     * Reports what provisioning cannot change on a topic that exists: fewer partitions than the
     * catalogue (input keyed by object would move partitions if they were added: an operator's
     * decision), fewer replicas than these settings, or another {@code min.insync.replicas}.
     */
    private void compareShape(Admin admin, Topic topic) throws Exception {
        var description = admin.describeTopics(List.of(topic.name())).allTopicNames().get(60, TimeUnit.SECONDS)
                .get(topic.name());
        int partitions = description.partitions().size();
        int replicas = description.partitions().isEmpty() ? 0 : description.partitions().get(0).replicas().size();
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic.name());
        ConfigEntry minIsr = describe(admin, resource).get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG);
        List<String> found = new ArrayList<>();
        if (partitions != topic.partitions()) {
            found.add(partitions + " partitions (the catalogue says " + topic.partitions() + ")");
        }
        if (replicas < settings.replicationFactor()) {
            found.add("replication " + replicas + " (the settings say " + settings.replicationFactor() + ")");
        }
        if (minIsr != null && !minIsr.value().equals(Integer.toString(settings.minInsyncReplicas()))) {
            found.add("min.insync.replicas " + minIsr.value() + " (the settings say " + settings.minInsyncReplicas() + ")");
        }
        if (!found.isEmpty()) {
            String difference = "topic " + topic.name() + " differs: " + String.join(", ", found);
            differences.add(difference);
            LOG.warn(difference);
        }
    }

    /** What the last {@link #ensure} found on existing topics that it could not make right itself. */
    public List<String> differences() {
        return List.copyOf(differences);
    }

    /**
     * A topic another service has just created may be listed before every broker knows it: its
     * configuration is asked for again, for a bounded time, instead of failing the service's start.
     */
    private static Config describe(Admin admin, ConfigResource resource) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                return admin.describeConfigs(List.of(resource)).all().get(60, TimeUnit.SECONDS).get(resource);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw e;
                }
                TimeUnit.MILLISECONDS.sleep(100);
            }
        }
    }

    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: TopicProvisioner <bootstrap-servers> <namespace> [gateway-id...]");
            System.exit(2);
        }
        Topics catalogue = new Topics(args[1]);
        List<Topic> topics = new ArrayList<>(catalogue.shared());
        for (int i = 2; i < args.length; i++) {
            topics.add(catalogue.output(args[i]));
        }
        TopicProvisioner provisioner = new TopicProvisioner(args[0], TopicSettings.fromEnvironment());
        List<String> created = provisioner.ensure(topics);
        System.out.println(created.isEmpty() ? "all topics present" : "created " + created);
        provisioner.differences().forEach(System.out::println);
    }
}
