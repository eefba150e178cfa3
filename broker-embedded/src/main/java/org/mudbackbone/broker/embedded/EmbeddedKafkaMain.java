package org.mudbackbone.broker.embedded;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The embedded broker as its own process, for the dev stack:
 * {@code EmbeddedKafkaMain <data-folder> [port] [controller-port]}. Stops cleanly on SIGTERM.
 */
public final class EmbeddedKafkaMain {

    private EmbeddedKafkaMain() {}

    /**
     * {@code MUD_KAFKA_SCRAM_USERS=admin=pw1,world=pw2,...} (from the environment, not the command
     * line, which any user of the machine can read): a secured broker with these users; unset: plaintext.
     */
    static java.util.Map<String, String> users(String spec) {
        java.util.Map<String, String> users = new java.util.LinkedHashMap<>();
        if (spec != null && !spec.isBlank()) {
            for (String pair : spec.split(",")) {
                String[] nameAndPassword = pair.split("=", 2);
                users.put(nameAndPassword[0].strip(), nameAndPassword[1]);
            }
        }
        return users;
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length < 1) {
            System.err.println("usage: EmbeddedKafkaMain <data-folder> [port] [controller-port]");
            System.exit(2);
        }
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 9092;
        int controllerPort = args.length > 2 ? Integer.parseInt(args[2]) : 9093;
        EmbeddedKafka broker = EmbeddedKafka.start(Path.of(args[0]), port, controllerPort, users(System.getenv("MUD_KAFKA_SCRAM_USERS")));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.close();
            stopped.countDown();
        }, "broker-shutdown"));
        stopped.await();
    }
}
