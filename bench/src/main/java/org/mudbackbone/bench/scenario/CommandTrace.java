package org.mudbackbone.bench.scenario;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import io.netty.channel.ChannelOption;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.mudbackbone.bench.player.PlayerNames;
import org.mudbackbone.bench.player.TelnetWire;
import org.mudbackbone.bench.player.Wire;
import org.mudbackbone.broker.message.JsonCodec;
import org.mudbackbone.broker.message.PlayerInput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Sinks;
import reactor.netty.tcp.TcpClient;

/**
 * One command, followed hop by hop: a telnet player of its own sends {@code help trace-…} (answered
 * to it alone, nothing in the game changes) while a scenario runs, and two consumers of the
 * bench's own read the input topic (for the input's stamps) and the output topics, read_committed:
 * the moment the world's transaction is visible. With the input's own stamp (the gateway read the
 * line), the Kafka record times (the gateway's send, the world's send) and the client's write and
 * read, each command gets six timestamps, all from the one machine's clock. The commit is seen by a
 * consumer as the gateway's is: a fetch the broker answers when the transaction commits, so it is
 * an upper bound, and the gateway's own fetch may beat it (the last hop is then near 0).
 */
public final class CommandTrace {

    private static final Logger LOG = LoggerFactory.getLogger(CommandTrace.class);
    private static final String ANSWER = "No help on ";

    /** One command's timestamps, in microseconds since the epoch (Kafka's are whole milliseconds). */
    record Trace(long written, long gatewayRead, long inputSent, long outputSent, long outputSeen, long answered) {

        long total() {
            return answered - written;
        }
    }

    /** When the bench first saw a tagged record, and what the record said. */
    private record Seen(long atMicros, long kafkaMillis, long gatewayReadMillis) {}

    private final String bootstrap;
    private final String namespace;
    private final int telnetPort;
    private final Map<String, Seen> inputs = new ConcurrentHashMap<>();
    private final Map<String, Seen> outputs = new ConcurrentHashMap<>();
    private volatile boolean watching = true;
    /** The epoch in microseconds at {@link #baseNanos}: the wall clock read finer than its millisecond. */
    private final long baseMicros = System.currentTimeMillis() * 1000;
    private final long baseNanos = System.nanoTime();

    CommandTrace(String bootstrap, String namespace, int telnetPort) {
        this.bootstrap = bootstrap;
        this.namespace = namespace;
        this.telnetPort = telnetPort;
    }

    /** {@code CommandTrace <bootstrap> <telnet port> [commands]}: traces commands on a running stack. */
    public static void main(String[] args) throws InterruptedException {
        List<Trace> traces = new CommandTrace(args[0], org.mudbackbone.broker.topic.Topics.DEFAULT_NAMESPACE,
                Integer.parseInt(args[1])).run(args.length > 2 ? Integer.parseInt(args[2]) : 20, Duration.ofMillis(100));
        System.out.print(markdown("a run of its own", traces));
        System.exit(0);
    }

    /** Traces {@code commands} commands, one at a time, {@code gap} apart; the traces complete. */
    List<Trace> run(int commands, Duration gap) throws InterruptedException {
        String tag = "trace-" + Long.toString(System.nanoTime() & 0xffffff, 36) + "-";
        Thread inputWatch = watch(t -> t.equals(namespace + ".input"), false, inputs, tag);
        Thread outputWatch = watch(t -> t.startsWith(namespace + ".output."), true, outputs, tag);
        List<Trace> traces = new ArrayList<>();
        Map<String, Long> answered = new ConcurrentHashMap<>();
        Sinks.One<Boolean> made = Sinks.one();
        TelnetWire wire = new TelnetWire(TcpClient.newConnection().host("127.0.0.1").port(telnetPort)
                .option(ChannelOption.TCP_NODELAY, true));
        try {
            wire.open(new Wire.Lines() {
                @Override
                public void line(String text, long readAtNanos) {
                    int i = text.indexOf(ANSWER + tag);
                    if (i >= 0) {
                        answered.putIfAbsent(text.substring(i + ANSWER.length()).split("[^a-z0-9-]")[0], micros(readAtNanos));
                    } else if (text.contains("Your character is made")) {
                        made.tryEmitValue(true);
                    }
                }

                @Override
                public void closedByServer() {
                    made.tryEmitError(new IllegalStateException("the trace's connection was closed"));
                }
            }).block(Duration.ofSeconds(10));
            PlayerNames names = PlayerNames.random();
            wire.send("create " + names.name(0) + " " + names.password(0));
            made.asMono().block(Duration.ofSeconds(60));
            for (int i = 0; i < commands; i++) {
                String id = tag + i;
                long written = micros(System.nanoTime());
                wire.send("help " + id);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (!(answered.containsKey(id) && outputs.containsKey(id) && inputs.containsKey(id))
                        && System.nanoTime() < deadline) {
                    Thread.sleep(1);
                }
                Seen in = inputs.get(id);
                Seen out = outputs.get(id);
                if (in != null && out != null && answered.containsKey(id)) {
                    traces.add(new Trace(written, in.gatewayReadMillis() * 1000, in.kafkaMillis() * 1000,
                            out.kafkaMillis() * 1000, out.atMicros(), answered.get(id)));
                } else {
                    LOG.info("command {} not traced: input seen {}, output seen {}, answered {}", id, in != null,
                            out != null, answered.containsKey(id));
                }
                TimeUnit.NANOSECONDS.sleep(gap.toNanos());
            }
        } catch (RuntimeException e) {
            LOG.warn("the command trace stopped: {}", e.toString());
        } finally {
            wire.close();
            watching = false;
            inputWatch.join(5_000);
            outputWatch.join(5_000);
        }
        LOG.info("{} of {} commands traced", traces.size(), commands);
        return traces;
    }

    private long micros(long nanos) {
        return baseMicros + (nanos - baseNanos) / 1000;
    }

    /** A consumer on its own thread, from the end of every matching topic, noting tagged records. */
    private Thread watch(Predicate<String> topics, boolean committed, Map<String, Seen> seen, String tag) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, committed ? "read_committed" : "read_uncommitted");
        // the broker answers a waiting fetch as soon as a record (or, read_committed, a commit) arrives
        byte[] needle = tag.getBytes(StandardCharsets.US_ASCII);
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        consumer.listTopics(Duration.ofSeconds(15)).forEach((name, infos) -> {
            if (topics.test(name)) {
                infos.forEach(i -> partitions.add(new TopicPartition(name, i.partition())));
            }
        });
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve the end now, before the first command is sent
        Thread thread = new Thread(() -> {
            try (consumer) {
                while (watching) {
                    for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                        note(r, committed, seen, needle);
                    }
                }
            }
        }, "trace-" + (committed ? "output" : "input"));
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private void note(ConsumerRecord<byte[], byte[]> r, boolean output, Map<String, Seen> seen, byte[] needle) {
        byte[] value = r.value();
        int at = indexOf(value, needle);
        if (at < 0) {
            return;
        }
        long now = micros(System.nanoTime());
        int end = at + needle.length;
        while (end < value.length && Character.isDigit(value[end])) {
            end++;
        }
        String id = new String(value, at, end - at, StandardCharsets.US_ASCII);
        long gatewayRead = output ? 0 : JsonCodec.INPUT.decode(value).map(PlayerInput::at).orElse(0L);
        seen.putIfAbsent(id, new Seen(now, r.timestamp(), gatewayRead));
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** The median command's timeline, and each hop's median over all traced commands. */
    static String markdown(String scenario, List<Trace> traces) {
        if (traces.isEmpty()) {
            return "";
        }
        List<Trace> sorted = traces.stream().sorted(Comparator.comparingLong(Trace::total)).toList();
        Trace t = sorted.get(sorted.size() / 2);
        String[] hops = {
            "client wrote the line → the gateway read it (`at` in the input)",
            "→ the gateway sent it to Kafka (the input record's time)",
            "→ the world sent the answer (the output record's time: acks, the world's fetch and poll, the handler)",
            "→ the world's transaction committed (a read_committed consumer of the bench's saw the answer)",
            "→ the client read the answer (the gateway's fetch, render, socket)",
        };
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, """

                One command traced hop by hop during %s (`help trace-…` from a player of the trace's own, %d
                commands, one at a time; the median command's timeline, and each hop's median over all of them;
                Kafka's record times are whole milliseconds, so single hops are ±1 ms):

                | hop | the median command | median of each hop |
                |---|---|---|
                """, scenario, traces.size()));
        for (int h = 0; h < hops.length; h++) {
            int hop = h;
            long[] each = traces.stream().mapToLong(x -> step(x, hop)).sorted().toArray();
            s.append(String.format(Locale.ROOT, "| %s | %.1f ms | %.1f ms |%n", hops[h], step(t, h) / 1000.0,
                    each[each.length / 2] / 1000.0));
        }
        long[] totals = sorted.stream().mapToLong(Trace::total).toArray();
        s.append(String.format(Locale.ROOT, "| **round trip** | **%.1f ms** | **%.1f ms** |%n", t.total() / 1000.0,
                totals[totals.length / 2] / 1000.0));
        return s.toString();
    }

    private static long step(Trace t, int hop) {
        long[] at = {t.written(), t.gatewayRead(), t.inputSent(), t.outputSent(), t.outputSeen(), t.answered()};
        return at[hop + 1] - at[hop];
    }
}
