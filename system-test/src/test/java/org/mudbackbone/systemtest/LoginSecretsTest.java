package org.mudbackbone.systemtest;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mudbackbone.broker.testing.EmbeddedKafkaExtension;
import org.mudbackbone.broker.testing.KafkaBroker;
import org.mudbackbone.broker.topic.Topics;

/**
 * Passwords typed the ways players and client login scripts type them: on the command line, on a
 * line of their own before the world has asked, and while the world is restarting. Each logs in,
 * and no password reaches any topic.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class LoginSecretsTest {

    private static Path log(TestInfo test, String name) {
        return Path.of("target", "world-logs", test.getTestMethod().orElseThrow().getName(), name + ".log");
    }

    @Test
    void passwordsTypedAheadOrDuringARestartLogInAndNeverReachKafka(KafkaBroker broker, TestInfo test) throws Exception {
        String ns = "logins-" + UUID.randomUUID().toString().substring(0, 8);
        String typedAhead = "typed-ahead-" + UUID.randomUUID();
        String duringRestart = "during-restart-" + UUID.randomUUID();
        String onTheLine = "on-the-line-" + UUID.randomUUID();
        WorldProcess world = WorldProcess.start(broker.bootstrapServers(), ns, "", log(test, "world-1"));
        try (GatewayNode gateway = new GatewayNode(broker.bootstrapServers(), ns, "gw");
                TelnetTestClient ahead = new TelnetTestClient(gateway.telnetPort());
                TelnetTestClient back = new TelnetTestClient(gateway.telnetPort());
                TelnetTestClient late = new TelnetTestClient(gateway.telnetPort());
                TelnetTestClient oneLine = new TelnetTestClient(gateway.telnetPort())) {
            world.awaitActive(1);
            ahead.awaitText("Welcome");
            // a client script: name, password and a command, all before the world has asked anything
            ahead.send("create Ahead");
            ahead.send(typedAhead);
            ahead.send("say typed ahead");
            ahead.awaitText("Town Square");
            ahead.awaitText("You say, \"typed ahead\"");

            world.stop();
            back.awaitText("The world is restarting");
            back.send("connect Ahead");
            back.send(typedAhead);
            late.awaitText("The world is restarting");
            late.send("create Late");
            late.send(duringRestart);
            oneLine.awaitText("The world is restarting");
            oneLine.send("create Oneline " + onTheLine);
            world = WorldProcess.start(broker.bootstrapServers(), ns, "", log(test, "world-2"));

            back.awaitText("Welcome back, Ahead");
            late.awaitText("Town Square");
            oneLine.awaitText("Town Square");
            KafkaAudit.assertSecretsNeverInKafka(broker.bootstrapServers(), new Topics(ns), "gw",
                    List.of(typedAhead, duringRestart, onTheLine));
        } finally {
            world.close();
        }
    }
}
