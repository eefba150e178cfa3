package org.mudbackbone.systemtest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.mudbackbone.broker.client.ClientPresets;
import org.mudbackbone.broker.embedded.EmbeddedKafka;
import org.mudbackbone.broker.topic.TopicProvisioner;
import org.mudbackbone.broker.topic.TopicSettings;
import org.mudbackbone.broker.topic.Topics;
import org.mudbackbone.world.model.Room;
import org.mudbackbone.world.model.WorldObject;

/**
 * The restart gap: from the moment the world is told to go (SIGTERM) or dies (SIGKILL) to the first
 * input done by the world that follows it, with many objects in state. The player's line is typed
 * at that moment and waits in Kafka; the gap ends when its echo arrives through the gateway.
 *
 * <p>Run: {@code ./mud bench [objects] [rounds]} (defaults 100000 and 3). Prints figures; asserts nothing.
 */
public final class RestartGapBench {

    private static final String NS = "bench";

    private final String bootstrap;
    private final Path logs;
    private final Map<String, List<Long>> gaps = new LinkedHashMap<>();
    private int started;

    private RestartGapBench(String bootstrap, Path logs) {
        this.bootstrap = bootstrap;
        this.logs = logs;
    }

    public static void main(String[] args) throws Exception {
        int objects = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path dir = Files.createTempDirectory("mud-bench");
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0, 0)) {
            Topics topics = new Topics(NS);
            new TopicProvisioner(kafka.bootstrapServers(), TopicSettings.SINGLE_NODE).ensure(topics.shared());
            fill(kafka.bootstrapServers(), topics, objects);
            new RestartGapBench(kafka.bootstrapServers(), dir).run(objects, rounds);
        } finally {
            if (Boolean.getBoolean("mud.bench.keep")) {
                System.out.println("logs kept in " + dir);
                return;
            }
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        System.exit(0);
    }

    private WorldProcess world(String staticId) {
        return WorldProcess.start(bootstrap, NS, staticId, logs.resolve("world-" + ++started + ".log"));
    }

    private void run(int objects, int rounds) throws Exception {
        try (GatewayNode gateway = new GatewayNode(bootstrap, NS, "gw");
                TelnetTestClient player = new TelnetTestClient(gateway.telnetPort())) {
            WorldProcess world = world("world-a");
            world.awaitActive(1);
            player.send("create Benchy bench-password");
            player.awaitText("Town Square");
            for (int round = 0; round < rounds; round++) {
                // stop, then start the new world
                long t0 = System.nanoTime();
                world.stop();
                world = world("world-a");
                measure("SIGTERM, then start the new world", player, t0);

                // start the new world as a standby first, then SIGTERM the old (what ./mud restart-world does)
                WorldProcess standby = world("world-b");
                standby.awaitStandingBy();
                t0 = System.nanoTime();
                world.stop();
                measure("new world standing by, then SIGTERM the old", player, t0);
                world = standby;

                // kill -9, then start again under the same instance name
                t0 = System.nanoTime();
                world.kill();
                world = world("world-b");
                measure("kill -9, then start again", player, t0);

                // kill -9 while a standby runs
                standby = world("world-a");
                standby.awaitStandingBy();
                t0 = System.nanoTime();
                world.kill();
                measure("kill -9, the standby takes over", player, t0);
                world = standby;
            }
            world.stop();
        }
        System.out.printf("%nRestart gap with %,d objects in state (ms; %d rounds):%n", objects, rounds);
        gaps.forEach((what, ms) -> System.out.printf("  %-46s median %5d   all %s%n", what,
                ms.stream().sorted().toList().get(ms.size() / 2), ms));
    }

    /** Types a line now (it waits in Kafka) and returns ms from {@code t0} until its echo arrives. */
    private void measure(String what, TelnetTestClient player, long t0) {
        String line = "gap-" + started + "-" + gaps.values().stream().mapToInt(List::size).sum();
        player.send("say " + line);
        player.awaitText("You say, \"" + line + "\"");
        long ms = (System.nanoTime() - t0) / 1_000_000;
        gaps.computeIfAbsent(what, k -> new ArrayList<>()).add(ms);
        System.out.printf("%-46s %d ms%n", what, ms);
    }

    private static void fill(String bootstrap, Topics topics, int objects) {
        long start = System.nanoTime();
        try (var producer = new KafkaProducer<String, byte[]>(ClientPresets.inputProducer(bootstrap, "bench-fill"))) {
            for (int i = 0; i < objects; i++) {
                Room room = new Room("room:bench-" + i, 1000 + i, "Bench room " + i, "Bench",
                        "A room of the benchmark, one of very many, described in a sentence of ordinary length.",
                        Map.of("north", "room:bench-" + (i + 1), "south", "room:bench-" + (i - 1)));
                producer.send(new ProducerRecord<>(topics.state().name(), room.id(), WorldObject.CODEC.encode(room)));
            }
        }
        System.out.printf("state filled with %,d objects in %d ms%n", objects, (System.nanoTime() - start) / 1_000_000);
    }
}
