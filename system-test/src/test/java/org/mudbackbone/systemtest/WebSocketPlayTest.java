package org.mudbackbone.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mudbackbone.broker.testing.EmbeddedKafkaExtension;
import org.mudbackbone.broker.testing.KafkaBroker;

/** Playing over WebSocket, in each subprotocol, through a real gateway, broker and world. */
@ExtendWith(EmbeddedKafkaExtension.class)
class WebSocketPlayTest {

    private static final String PASSWORD = "correct-horse-battery";

    @Test
    void aPlayerPlaysOverEachSubprotocol(KafkaBroker broker) throws Exception {
        try (Stack stack = Stack.start(broker.bootstrapServers())) {
            try (WebSocketTestClient json = new WebSocketTestClient(stack.webPort(), WebSocketTestClient.JSON)) {
                json.hello();
                JsonNode session = json.awaitMessage("session");
                assertTrue(session.path("token").asText().length() >= 22, "a token of at least 128 bits: " + session);
                json.awaitText("Welcome to the MUD backbone");
                json.line("create " + Names.unique("Js") + " " + PASSWORD);
                json.awaitText("Town Square");
                JsonNode room = json.messages().stream()
                        .filter(m -> "text".equals(m.path("type").asText()) && m.path("plain").asText().contains("Exits:"))
                        .findFirst().orElseThrow();
                assertTrue(room.path("markup").asText().contains("{link:north}north{/}"),
                        "text comes as markup too, with its links: " + room);
                assertTrue(json.awaitMessage("oob").path("data").isObject(), "GMCP data arrives as JSON");
            }
            try (WebSocketTestClient telnet = new WebSocketTestClient(stack.webPort(), "telnet.mudstandards.org")) {
                assertEquals("telnet.mudstandards.org", telnet.subprotocol());
                Waits.until("telnet negotiation in binary frames", Waits.ANSWER,
                        () -> telnet.rawBinary().indexOf((char) 255) >= 0, telnet::rawBinary);
                telnet.sendBinary("create " + Names.unique("Tn") + " " + PASSWORD + "\r\n");
                telnet.awaitText("Town Square");
            }
            try (WebSocketTestClient gmcp = new WebSocketTestClient(stack.webPort(), "gmcp.mudstandards.org")) {
                gmcp.awaitText("Welcome to the MUD backbone");
                gmcp.sendBinary("create " + Names.unique("Gm") + " " + PASSWORD + "\n");
                gmcp.awaitText("Town Square");
                gmcp.awaitText("Room.Info {\"num\":1");
            }
            try (WebSocketTestClient terminal = new WebSocketTestClient(stack.webPort(), "terminal.mudstandards.org")) {
                terminal.awaitText("Welcome to the MUD backbone");
                terminal.sendBinary("create " + Names.unique("Tm") + " " + PASSWORD + "\r\n");
                terminal.awaitText("Town Square");
                assertTrue(terminal.rawBinary().contains("\u001b["), "ANSI colour in the terminal stream");
            }
            // the password went in as the last word of a typed line on every subprotocol: none of it reached Kafka
            KafkaAudit.assertSecretsNeverInKafka(broker.bootstrapServers(), stack.topics, stack.gatewayId, List.of(PASSWORD));
        }
    }

    @Test
    void aCutConnectionResumesWithEveryLineMissedShownOnceInOrder(KafkaBroker broker) throws Exception {
        String listener = Names.unique("Ws");
        String speaker = Names.unique("Tl");
        int lines = 30;
        try (Stack stack = Stack.start(broker.bootstrapServers());
                TelnetTestClient talker = new TelnetTestClient(stack.telnetPort())) {
            WebSocketTestClient first = new WebSocketTestClient(stack.webPort(), WebSocketTestClient.JSON);
            first.hello();
            String token = first.awaitMessage("session").path("token").asText();
            first.line("create " + listener + " " + PASSWORD);
            first.awaitText("Town Square");
            talker.awaitText("Welcome to the MUD backbone");
            talker.send("create " + speaker + " " + PASSWORD);
            talker.awaitText("Town Square");

            for (int i = 1; i <= lines / 3; i++) {
                talker.send("say line " + i);
            }
            first.awaitText("says, \"line " + lines / 3 + "\"");
            first.cut();
            for (int i = lines / 3 + 1; i <= lines; i++) {
                talker.send("say line " + i); // said while the listener is away
            }
            talker.awaitText("You say, \"line " + lines + "\"");

            try (WebSocketTestClient back = new WebSocketTestClient(stack.webPort(), WebSocketTestClient.JSON)) {
                back.resume(token, first.lastSeq());
                JsonNode resumed = back.awaitMessage("resumed");
                assertTrue(!resumed.path("token").asText().equals(token), "a new token after each use");
                back.awaitText("says, \"line " + lines + "\"");

                List<Integer> heard = new ArrayList<>(Names.linesSaid(first.plain()));
                heard.addAll(Names.linesSaid(back.plain()));
                assertEquals(Names.oneTo(lines), heard, "every line heard once, in order, across the cut");
                assertTrue(back.seqs().get(0) > first.lastSeq(), "the replay starts after the last output seen");
            }
            first.close();
        }
    }

    @Test
    void aSpentOrUnknownTokenIsRefusedWithAFreshLogin(KafkaBroker broker) throws Exception {
        try (Stack stack = Stack.start(broker.bootstrapServers())) {
            WebSocketTestClient first = new WebSocketTestClient(stack.webPort(), WebSocketTestClient.JSON);
            first.hello();
            String token = first.awaitMessage("session").path("token").asText();
            first.awaitText("Welcome to the MUD backbone");
            first.cut();
            try (WebSocketTestClient again = new WebSocketTestClient(stack.webPort(), WebSocketTestClient.JSON)) {
                again.resume(token, first.lastSeq());
                again.awaitMessage("resumed");
            }
            try (WebSocketTestClient spent = new WebSocketTestClient(stack.webPort(), WebSocketTestClient.JSON);
                    WebSocketTestClient unknown = new WebSocketTestClient(stack.webPort(), WebSocketTestClient.JSON)) {
                spent.resume(token, first.lastSeq());
                unknown.resume("AAAAAAAAAAAAAAAAAAAAAA", 0);
                for (WebSocketTestClient refused : List.of(spent, unknown)) {
                    assertEquals("resume-refused", refused.awaitMessage("error").path("code").asText());
                    refused.awaitMessage("session");
                    refused.awaitText("Welcome to the MUD backbone");
                }
            }
            first.close();
        }
    }

    @Test
    void oneCharacterPlaysFromTelnetAndTheBrowserAtOnceAndEachQuitsAlone(KafkaBroker broker) throws Exception {
        String hero = Names.unique("Both");
        String other = Names.unique("Other");
        try (Stack stack = Stack.start(broker.bootstrapServers());
                TelnetTestClient telnet = new TelnetTestClient(stack.telnetPort());
                TelnetTestClient talker = new TelnetTestClient(stack.telnetPort());
                WebSocketTestClient web = new WebSocketTestClient(stack.webPort(), WebSocketTestClient.JSON)) {
            telnet.awaitText("Welcome to the MUD backbone");
            telnet.send("create " + hero + " " + PASSWORD);
            telnet.awaitText("Town Square");
            web.hello();
            web.line("connect " + hero + " " + PASSWORD);
            web.awaitText("Welcome back, " + hero);
            talker.awaitText("Welcome to the MUD backbone");
            talker.send("create " + other + " " + PASSWORD);
            talker.awaitText("Town Square");

            talker.send("say hello both");
            telnet.awaitText(other + " says, \"hello both\"");
            web.awaitText(other + " says, \"hello both\"");
            web.line("say from the browser");
            telnet.awaitText("You say, \"from the browser\"");

            web.line("quit");
            web.awaitMessage("closed");
            talker.send("say still there?");
            telnet.awaitText(other + " says, \"still there?\"");
            assertTrue(!talker.text().contains(hero + " has disconnected"),
                    "the character stays while one of its sessions plays: " + talker.text());
        }
    }

    @Test
    void aPageFromAnotherOriginCannotOpenAWebSocket(KafkaBroker broker) throws Exception {
        try (Stack stack = Stack.start(broker.bootstrapServers())) {
            CompletionException refused = assertThrows(CompletionException.class,
                    () -> new WebSocketTestClient(stack.webPort(), WebSocketTestClient.JSON, "http://evil.example"));
            assertTrue(refused.getCause() instanceof WebSocketHandshakeException handshake
                    && handshake.getResponse().statusCode() == 403, "refused with 403: " + refused.getCause());
            String own = "http://127.0.0.1:" + stack.webPort();
            try (WebSocketTestClient allowed = new WebSocketTestClient(stack.webPort(), WebSocketTestClient.JSON, own)) {
                allowed.hello();
                allowed.awaitMessage("session");
            }
        }
    }

    @Test
    void theWebClientAndTheWebSocketAreServedOverTlsWithTheGatewaysCertificate(KafkaBroker broker) throws Exception {
        try (Stack stack = Stack.start(broker.bootstrapServers())) {
            HttpClient tls = HttpClient.newBuilder().sslContext(TrustingTls.context()).build();
            String base = "127.0.0.1:" + stack.webTlsPort();
            HttpResponse<String> page = tls.send(HttpRequest.newBuilder(URI.create("https://" + base + "/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
            assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'none'"),
                    page.headers().toString());
            try (WebSocketTestClient wss = new WebSocketTestClient(tls, "wss://" + base + "/ws", WebSocketTestClient.JSON,
                    "https://" + base)) {
                wss.hello();
                wss.awaitMessage("session");
                wss.awaitText("Welcome to the MUD backbone");
            }
        }
    }

    @Test
    void aTokenPastTheResumeWindowIsRefusedWithAFreshLogin(KafkaBroker broker) throws Exception {
        int windowSeconds = 2;
        try (Stack stack = Stack.start(broker.bootstrapServers(),
                java.util.Map.of("mud.gateway.resume-window-seconds", windowSeconds))) {
            WebSocketTestClient gone = new WebSocketTestClient(stack.webPort(), WebSocketTestClient.JSON);
            gone.hello();
            String token = gone.awaitMessage("session").path("token").asText();
            gone.awaitText("Welcome to the MUD backbone");
            gone.cut();
            Waits.until("the session ended after the resume window", Waits.ANSWER.plusSeconds(windowSeconds),
                    () -> stack.gatewaySessions() == 0, () -> stack.gatewaySessions() + " sessions");
            try (WebSocketTestClient late = new WebSocketTestClient(stack.webPort(), WebSocketTestClient.JSON)) {
                late.resume(token, gone.lastSeq());
                assertEquals("resume-refused", late.awaitMessage("error").path("code").asText());
                late.awaitMessage("session");
                late.awaitText("Welcome to the MUD backbone");
            }
            gone.close();
        }
    }
}
