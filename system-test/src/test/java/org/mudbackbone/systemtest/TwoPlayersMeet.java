package org.mudbackbone.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mudbackbone.broker.testing.KafkaBroker;

/**
 * Two telnet players meet through a real gateway, a real broker and a real world. Subclasses say
 * which broker.
 */
abstract class TwoPlayersMeet {

    @Test
    void twoTelnetPlayersCreateCharactersMeetAndTalk(KafkaBroker broker) throws Exception {
        String alice = Names.unique("Alice");
        String bob = Names.unique("Bob");
        String password = "correct-horse-" + Names.unique("x");
        try (Stack stack = Stack.start(broker.bootstrapServers());
                TelnetTestClient a = new TelnetTestClient(stack.telnetPort());
                TelnetTestClient b = new TelnetTestClient(stack.telnetPort())) {
            a.awaitText("Welcome to the MUD backbone");
            b.awaitText("Welcome to the MUD backbone");

            a.send("create " + alice + " " + password);
            a.awaitText("Town Square");
            b.send("create " + bob + " " + password);
            b.awaitText("Town Square");
            a.awaitText(bob + " has connected.");

            a.send("say Hello, " + bob + "!");
            b.awaitText(alice + " says, \"Hello, " + bob + "!\"");
            b.send("emote waves.");
            a.awaitText(bob + " waves.");

            b.send("north");
            a.awaitText(bob + " leaves north.");
            a.send("n");
            b.awaitText(alice + " arrives.");
            b.send("who");
            b.awaitText(alice);

            a.send("quit");
            a.awaitText("Goodbye!");
            b.awaitText(alice + " has left the game.");

            KafkaAudit.assertSecretsNeverInKafka(broker.bootstrapServers(), stack.topics, stack.gatewayId, List.of(password));
            // once logged in, a player's input is keyed by the character it controls
            var say = TopicReader.readAll(broker.bootstrapServers(), stack.topics.input().name()).stream()
                    .filter(r -> new String(r.value(), StandardCharsets.UTF_8).contains("say Hello, " + bob))
                    .findFirst().orElseThrow();
            assertEquals("char:" + alice.toLowerCase(java.util.Locale.ROOT), say.key());
        }
    }

    @Test
    void passwordEchoIsSuppressedWhenTheWorldAsksForASecret(KafkaBroker broker) throws Exception {
        String carol = Names.unique("Carol");
        try (Stack stack = Stack.start(broker.bootstrapServers());
                TelnetTestClient c = new TelnetTestClient(stack.telnetPort())) {
            c.awaitText("Welcome");
            c.send("create " + carol);
            c.awaitText("Choose a password");
            c.awaitCommand("WILL 1"); // IAC WILL ECHO: the client stops echoing
            c.send("hunter2-but-longer");
            c.awaitText("Town Square");
            c.awaitCommand("WONT 1"); // and echoes again afterwards

            try (TelnetTestClient again = new TelnetTestClient(stack.telnetPort())) {
                again.awaitText("Welcome");
                again.send("connect " + carol + " wrong-password");
                again.awaitText("Wrong name or password.");
                again.send("connect " + carol + " hunter2-but-longer");
                again.awaitText("Welcome back, " + carol);
            }
        }
    }

    @Test
    void gatewayReportsHealthAndMetrics(KafkaBroker broker) throws Exception {
        try (Stack stack = Stack.start(broker.bootstrapServers());
                TelnetTestClient c = new TelnetTestClient(stack.telnetPort())) {
            c.awaitText("Welcome");
            HttpClient http = HttpClient.newHttpClient();
            String health = http.send(HttpRequest.newBuilder(stack.gatewayManagement().toURI().resolve("/health")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            String metrics = http.send(HttpRequest.newBuilder(stack.gatewayManagement().toURI().resolve("/prometheus")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(health.contains("\"status\":\"UP\""), health);
            assertTrue(metrics.contains("mud_gateway_sessions 1.0"), metrics);
            assertTrue(metrics.contains("mud_gateway_round_trip_seconds_count"), metrics);
        }
    }
}
