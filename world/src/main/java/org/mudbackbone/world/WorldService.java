package org.mudbackbone.world;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.List;
import org.mudbackbone.broker.message.HashParams;
import org.mudbackbone.broker.topic.TopicProvisioner;
import org.mudbackbone.broker.topic.TopicSettings;
import org.mudbackbone.broker.topic.Topics;
import org.mudbackbone.world.command.Commands;
import org.mudbackbone.world.command.WorldRules;
import org.mudbackbone.world.engine.GatewayWatch;
import org.mudbackbone.world.engine.InputHandler;
import org.mudbackbone.world.engine.Seed;
import org.mudbackbone.world.engine.TownBell;
import org.mudbackbone.world.engine.TransactionBudget;
import org.mudbackbone.world.engine.WorldLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The world's lifecycle: provision topics, run the loop on its own thread, stop it gracefully. */
@Context
@Requires(property = "mud.world.enabled", notEquals = "false")
public class WorldService {

    private static final Logger LOG = LoggerFactory.getLogger(WorldService.class);

    private final WorldConfig config;
    private final MeterRegistry meters;
    private WorldLoop loop;
    private Thread thread;

    public WorldService(WorldConfig config, MeterRegistry meters) {
        this.config = config;
        this.meters = meters;
    }

    @PostConstruct
    void start() {
        LOG.info("world starting against Kafka at {} as {}", config.bootstrapServers(), config.effectiveTransactionalId());
        TopicProvisioner provisioner = new TopicProvisioner(config.bootstrapServers(), TopicSettings.fromEnvironment());
        Topics topics = new Topics(config.namespace());
        provisioner.ensure(topics.shared());
        HashParams hash = new HashParams(HashParams.ARGON2ID, config.hashMemoryKib(), config.hashIterations(), 1, 32);
        if (!hash.withinLimits()) {
            throw new IllegalStateException("password hash costs beyond what gateways accept: " + hash);
        }
        WorldRules rules = new WorldRules(Seed.START_ROOM, hash);
        InputHandler handler = new InputHandler(rules, new Commands(rules),
                Duration.ofSeconds(config.maxInputAgeSeconds()), System::currentTimeMillis,
                List.of(new TownBell(Duration.ofMinutes(config.bellMinutes()))),
                new GatewayWatch(Duration.ofMillis(config.gatewayTimeoutMs()), Duration.ofSeconds(config.resumeWindowSeconds()),
                        System::currentTimeMillis));
        loop = new WorldLoop(new WorldLoop.Settings(config.bootstrapServers(), topics, config.effectiveTransactionalId(),
                config.effectiveGroupId(), Duration.ofMillis(config.heartbeatMs()), config.leaderTimeoutMs(), config.instanceId(),
                TransactionBudget.DEFAULT), handler, provisioner, meters, () -> System.exit(70));
        thread = new Thread(loop, "world-loop");
        thread.start();
        Gauge.builder("mud.world.objects", loop, WorldLoop::objects).register(meters);
        Gauge.builder("mud.world.active", loop, l -> l.role() == WorldLoop.Role.ACTIVE ? 1 : 0)
                .description("1 while this instance is the active world, 0 while it stands by").register(meters);
    }

    /** A standby is healthy too: it is ready to take over. */
    boolean healthy() {
        return loop != null && loop.role() != WorldLoop.Role.STOPPED;
    }

    String instance() {
        return loop == null ? "" : loop.instance();
    }

    boolean warm() {
        return loop != null && loop.warm();
    }

    WorldLoop.Role role() {
        return loop == null ? WorldLoop.Role.STOPPED : loop.role();
    }

    int objects() {
        return loop == null ? 0 : loop.objects();
    }

    @PreDestroy
    void stop() throws InterruptedException {
        LOG.info("world stopping: finishing the batch in hand");
        if (loop != null) {
            loop.close();
            thread.join(30_000);
        }
        LOG.info("world stopped");
    }
}
