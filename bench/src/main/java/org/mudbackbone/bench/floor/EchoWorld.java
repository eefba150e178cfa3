package org.mudbackbone.bench.floor;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.mudbackbone.broker.client.ClientPresets;
import org.mudbackbone.broker.client.TopicPartitions;
import org.mudbackbone.broker.message.GameOutput;
import org.mudbackbone.broker.message.HashParams;
import org.mudbackbone.broker.message.JsonCodec;
import org.mudbackbone.broker.message.OutputBatch;
import org.mudbackbone.broker.message.PlayerInput;
import org.mudbackbone.broker.message.WorldSignal;
import org.mudbackbone.broker.topic.TopicProvisioner;
import org.mudbackbone.broker.topic.TopicSettings;
import org.mudbackbone.broker.topic.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The floor: the least a world can do and still be exactly once. It reads input like the world
 * (same client settings, {@code read_committed}), and per poll writes, in one Kafka transaction,
 * one answer and one prompt per line, batched per gateway as the world does, a heartbeat when due,
 * and one record of where input is read next (as the world keeps its input positions in its state:
 * cheaper than {@code sendOffsetsToTransaction}, which adds two requests to the group coordinator).
 * No game and no other state: a load run through it measures the gateway, the broker and the
 * client, and a run through the real world is reported as a ratio to it. It starts at the end of
 * the input (a floor is started fresh for each run; it never reads its positions back).
 *
 * <p>It answers just enough for the load generator: a {@code create}/{@code connect} with a secret
 * request (cheap hashing costs), the secret with "Your character is made.", {@code say X} with
 * {@code You say, "X"}, {@code help X} with {@code No help on X.}
 */
public final class EchoWorld implements Runnable, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EchoWorld.class);
    private static final long HEARTBEAT_MS = 1000;
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    /** Logins are not what is measured: the cheapest hash a gateway accepts. */
    private static final HashParams CHEAP = new HashParams(HashParams.ARGON2ID, 8, 1, 1, 16);

    private final String bootstrapServers;
    private final Topics topics;
    private final String instance = "echo-" + Long.toHexString(System.nanoTime() & 0xffffff);
    private final Map<String, Long> nextSeq = new HashMap<>();
    private final Map<String, String> outputTopics = new HashMap<>();
    /** Input partition to the offset read next: written in every transaction that took input. */
    private final Map<Integer, Long> positions = new java.util.TreeMap<>();
    private final SecureRandom random = new SecureRandom();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean closed;
    private volatile Consumer<String, byte[]> consumer;
    private TopicProvisioner provisioner;

    public EchoWorld(String bootstrapServers, String namespace) {
        this.bootstrapServers = bootstrapServers;
        this.topics = new Topics(namespace);
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 2) {
            System.err.println("usage: EchoWorld <bootstrap servers> <namespace>");
            System.exit(2);
        }
        EchoWorld echo = new EchoWorld(args[0], args[1]);
        Runtime.getRuntime().addShutdownHook(new Thread(echo::close, "echo-stop"));
        echo.run();
    }

    @Override
    public void run() {
        provisioner = new TopicProvisioner(bootstrapServers, TopicSettings.SINGLE_NODE);
        provisioner.ensure(topics.shared());
        String id = topics.namespace() + "-echo";
        try (Producer<String, byte[]> producer = new KafkaProducer<>(ClientPresets.worldProducer(bootstrapServers, id));
                Consumer<String, byte[]> input = new KafkaConsumer<>(ClientPresets.inputConsumer(bootstrapServers, id))) {
            consumer = input;
            producer.initTransactions();
            List<TopicPartition> partitions = TopicPartitions.of(input, topics.input(), Duration.ofSeconds(60));
            input.assign(partitions);
            input.seekToEnd(partitions);
            partitions.forEach(input::position);
            LOG.info("echo world {} active on {} ({} input partitions)", instance, topics.namespace(), partitions.size());
            long lastBeat = 0;
            while (!closed) {
                List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
                try {
                    input.poll(Duration.ofMillis(100)).forEach(records::add);
                } catch (org.apache.kafka.common.errors.WakeupException e) {
                    break;
                }
                long now = System.currentTimeMillis();
                boolean beat = now - lastBeat >= HEARTBEAT_MS;
                if (records.isEmpty() && !beat) {
                    continue;
                }
                producer.beginTransaction();
                answer(records).forEach((gateway, outputs) -> producer.send(
                        new ProducerRecord<>(outputTopic(gateway), gateway, OutputBatch.encode(outputs))));
                if (beat) {
                    producer.send(new ProducerRecord<>(topics.worldStatus().name(), "world", JsonCodec.SIGNAL.encode(
                            new WorldSignal.Heartbeat(instance, now, HEARTBEAT_MS, nextSeq.size()))));
                    lastBeat = now;
                }
                if (!records.isEmpty()) {
                    positions.putAll(offsets(records));
                    producer.send(new ProducerRecord<>(topics.state().name(), "echo:input", json(positions)));
                }
                producer.commitTransaction();
            }
        } finally {
            LOG.info("echo world {} stopped", instance);
            stopped.countDown();
        }
    }

    /** Every gateway's outputs for these inputs, in order. */
    private Map<String, List<GameOutput>> answer(List<ConsumerRecord<String, byte[]>> records) {
        Map<String, List<GameOutput>> byGateway = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            JsonCodec.INPUT.decode(record.value()).ifPresent(in -> {
                List<GameOutput> out = byGateway.computeIfAbsent(in.gateway(), g -> new ArrayList<>());
                String session = in.session();
                if (in instanceof PlayerInput.Line line) {
                    String text = line.text().strip();
                    if (text.startsWith("create ") || text.startsWith("connect ")) {
                        byte[] salt = new byte[16];
                        random.nextBytes(salt);
                        out.add(new GameOutput.AskSecret(session, seq(session), "Password:",
                                Base64.getEncoder().encodeToString(salt), CHEAP));
                        return;
                    }
                    out.add(new GameOutput.Text(session, seq(session), reply(text)));
                } else if (in instanceof PlayerInput.SecretLine) {
                    out.add(new GameOutput.Text(session, seq(session), "Your character is made."));
                } else {
                    return;
                }
                out.add(new GameOutput.Prompt(session, seq(session), "> ", in.seq()));
            });
        }
        return byGateway;
    }

    private static byte[] json(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String reply(String text) {
        if (text.startsWith("say ")) {
            return "You say, \"" + text.substring(4) + "\"";
        }
        if (text.startsWith("help ")) {
            return "No help on " + text.substring(5) + ".";
        }
        return "Huh?";
    }

    /** Output numbers above any an earlier echo world sent: they start at the clock. */
    private long seq(String session) {
        long seq = nextSeq.getOrDefault(session, System.currentTimeMillis() * 1000);
        nextSeq.put(session, seq + 1);
        return seq;
    }

    private String outputTopic(String gateway) {
        return outputTopics.computeIfAbsent(gateway, g -> {
            provisioner.ensure(List.of(topics.output(g)));
            return topics.output(g).name();
        });
    }

    private static Map<Integer, Long> offsets(List<ConsumerRecord<String, byte[]>> records) {
        Map<Integer, Long> next = new HashMap<>();
        records.forEach(r -> next.put(r.partition(), r.offset() + 1));
        return next;
    }

    @Override
    public void close() {
        closed = true;
        Consumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
