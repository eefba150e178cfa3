package org.mudbackbone.broker.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.mudbackbone.broker.client.ClientSecurity;
import org.mudbackbone.broker.topic.Topics;

/**
 * The least each service of one game needs on a cluster whose authorizer denies what no ACL allows
 * ({@code allow.everyone.if.no.acl.found=false}).
 *
 * <ul>
 *   <li>A gateway writes input, reads its own output topic and the world's status, and nothing else:
 *       it cannot read another gateway's players' output, nor write output or state, nor act as the
 *       world. Its topics are provisioned beforehand (by an administrator, {@code ./mud topics}).</li>
 *   <li>The world reads input, writes output and status, reads and writes state, all in one
 *       transaction under its transactional ID, with its consumer groups: everything in the game's
 *       namespace (the topics, and the groups and transactional IDs named after it).</li>
 * </ul>
 */
public final class Acls {

    private final Topics topics;

    public Acls(Topics topics) {
        this.topics = topics;
    }

    /** The ACLs of the gateway {@code gatewayId}, signed in as {@code user}. */
    public List<AclBinding> gateway(String gatewayId, String user) {
        List<AclBinding> acls = new ArrayList<>();
        String principal = "User:" + user;
        // DESCRIBE_CONFIGS: at start a gateway checks that its topics have the catalogue's settings
        allow(acls, principal, ResourceType.TOPIC, topics.input().name(), PatternType.LITERAL,
                AclOperation.WRITE, AclOperation.DESCRIBE, AclOperation.DESCRIBE_CONFIGS);
        for (String readable : List.of(topics.output(gatewayId).name(), topics.worldStatus().name())) {
            allow(acls, principal, ResourceType.TOPIC, readable, PatternType.LITERAL, AclOperation.READ, AclOperation.DESCRIBE,
                    AclOperation.DESCRIBE_CONFIGS);
        }
        return acls;
    }

    /** The ACLs of the world (active and standby alike), signed in as {@code user}. */
    public List<AclBinding> world(String user) {
        List<AclBinding> acls = new ArrayList<>();
        String principal = "User:" + user;
        String namespace = topics.namespace();
        allow(acls, principal, ResourceType.TOPIC, namespace + ".", PatternType.PREFIXED, AclOperation.READ,
                AclOperation.WRITE, AclOperation.DESCRIBE, AclOperation.CREATE, AclOperation.DESCRIBE_CONFIGS, AclOperation.ALTER_CONFIGS);
        allow(acls, principal, ResourceType.GROUP, namespace, PatternType.PREFIXED, AclOperation.READ, AclOperation.DESCRIBE);
        allow(acls, principal, ResourceType.TRANSACTIONAL_ID, namespace, PatternType.PREFIXED, AclOperation.WRITE,
                AclOperation.DESCRIBE);
        return acls;
    }

    private static void allow(List<AclBinding> acls, String principal, ResourceType type, String name, PatternType pattern,
            AclOperation... operations) {
        for (AclOperation operation : operations) {
            acls.add(new AclBinding(new ResourcePattern(type, name, pattern),
                    new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW)));
        }
    }

    /** Creates {@code acls} (an existing one is kept as it is), signed in as the environment says (an administrator). */
    public static void apply(String bootstrapServers, List<AclBinding> acls) {
        apply(bootstrapServers, acls, ClientSecurity.fromEnvironment());
    }

    /** As {@link #apply(String, List)}, signed in as {@code admin}. */
    public static void apply(String bootstrapServers, List<AclBinding> acls, ClientSecurity admin) {
        Properties props = admin.applyTo(new Properties());
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin client = Admin.create(props)) {
            client.createAcls(acls).all().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create the ACLs: " + e, e);
        }
    }

    /**
     * {@code Acls <bootstrap-servers> <namespace> <world-user> [<gateway-id>=<gateway-user>...]}: the
     * ops command ({@code ./mud acls}), run as an administrator.
     */
    public static void main(String[] args) {
        if (args.length < 3) {
            System.err.println("usage: Acls <bootstrap-servers> <namespace> <world-user> [gateway-id=gateway-user...]");
            System.exit(2);
        }
        Acls catalogue = new Acls(new Topics(args[1]));
        List<AclBinding> acls = new ArrayList<>(catalogue.world(args[2]));
        for (int i = 3; i < args.length; i++) {
            String[] pair = args[i].split("=", 2);
            acls.addAll(catalogue.gateway(pair[0], pair[1]));
        }
        apply(args[0], acls);
        System.out.println(acls.size() + " ACLs in place for " + args[1]);
    }
}
