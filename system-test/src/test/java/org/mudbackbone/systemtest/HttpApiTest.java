package org.mudbackbone.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mudbackbone.broker.testing.EmbeddedKafkaExtension;
import org.mudbackbone.broker.testing.KafkaBroker;
import org.yaml.snakeyaml.Yaml;

/** Playing over the HTTP session API, through a real gateway, broker and world. */
@ExtendWith(EmbeddedKafkaExtension.class)
class HttpApiTest {

    private static final String PASSWORD = "correct-horse-battery";

    @Test
    void aBotLogsInLooksHearsASayOverEventsAndARetriedPostIsDoneOnce(KafkaBroker broker) throws Exception {
        String bot = Names.unique("Bot");
        String other = Names.unique("Tel");
        try (Stack stack = Stack.start(broker.bootstrapServers());
                TelnetTestClient talker = new TelnetTestClient(stack.telnetPort())) {
            ApiTestClient api = new ApiTestClient(stack.httpPort());
            assertEquals(201, api.create().statusCode());
            StringBuilder seen = new StringBuilder();
            long after = api.awaitOutput(-1, "Welcome to the MUD backbone", seen);

            assertEquals(202, api.line(1, "create " + bot).statusCode());
            Waits.until("the game asking for a secret", Waits.ANSWER,
                    () -> ApiTestClient.json(api.output(-1, 1)).path("secret").asBoolean(), seen::toString);
            assertEquals(202, api.secret(2, PASSWORD).statusCode());
            after = api.awaitOutput(after, "Your character is made", seen);
            assertEquals(202, api.line(3, "look").statusCode());
            after = api.awaitOutput(after, "Town Square", seen);

            ApiTestClient.EventStream events = api.events(Long.toString(after));
            assertEquals("text/event-stream; charset=utf-8",
                    events.response.headers().firstValue("content-type").orElse(""));
            talker.awaitText("Welcome to the MUD backbone");
            talker.send("create " + other + " " + PASSWORD);
            talker.awaitText("Town Square");
            talker.send("say hello, bot");
            events.awaitText(other + " says, \\\"hello, bot\\\"");
            assertTrue(events.text().contains("event: text") && events.text().contains("id: "), events.text());

            HttpResponse<String> first = api.line(4, "say only once");
            HttpResponse<String> retried = api.line(4, "say only once"); // the answer to the first was lost, say
            assertEquals(202, first.statusCode());
            assertEquals(200, retried.statusCode());
            assertTrue(ApiTestClient.json(retried).path("repeat").asBoolean(), retried.body());
            assertEquals(202, api.line(5, "say and then this").statusCode());
            talker.awaitText(bot + " says, \"and then this\"");
            assertEquals(1, count(talker.text(), bot + " says, \"only once\""), talker.text());
            events.cut();

            assertEquals(204, api.delete().statusCode());
            talker.awaitText(bot + " has disconnected.");
            // the password went in by POST /secret: hashed at the gateway, never in Kafka
            KafkaAudit.assertSecretsNeverInKafka(broker.bootstrapServers(), stack.topics, stack.gatewayId, List.of(PASSWORD));
            assertEquals(404, api.output(-1, 0).statusCode());
        }
    }

    @Test
    void aCutEventStreamResumedWithLastEventIdLosesNothing(KafkaBroker broker) throws Exception {
        String other = Names.unique("Tel");
        int lines = 20;
        try (Stack stack = Stack.start(broker.bootstrapServers());
                TelnetTestClient talker = new TelnetTestClient(stack.telnetPort())) {
            ApiTestClient api = new ApiTestClient(stack.httpPort());
            api.create();
            api.line(1, "create " + Names.unique("Sse") + " " + PASSWORD);
            api.awaitOutput(-1, "Your character is made", new StringBuilder());
            talker.awaitText("Welcome to the MUD backbone");
            talker.send("create " + other + " " + PASSWORD);
            talker.awaitText("Town Square");

            ApiTestClient.EventStream first = api.events(null);
            for (int i = 1; i <= lines / 2; i++) {
                talker.send("say line " + i);
            }
            first.awaitText("says, \\\"line " + lines / 2 + "\\\"");
            first.cut();
            String lastId = first.lastId();
            for (int i = lines / 2 + 1; i <= lines; i++) {
                talker.send("say line " + i);
            }
            talker.awaitText("You say, \"line " + lines + "\"");

            ApiTestClient.EventStream again = api.events(lastId);
            again.awaitText("says, \\\"line " + lines + "\\\"");
            List<Integer> heard = new ArrayList<>(Names.linesSaid(first.plain()));
            heard.addAll(Names.linesSaid(again.plain()));
            assertEquals(Names.oneTo(lines), heard, "every line once, in order, across the cut");
            again.cut();
        }
    }

    @Test
    void oneSessionMovesBetweenHttpAndWebSocketWithItsToken(KafkaBroker broker) throws Exception {
        try (Stack stack = Stack.start(broker.bootstrapServers())) {
            ApiTestClient api = new ApiTestClient(stack.httpPort());
            api.create();
            String session = api.session;
            api.line(1, "create " + Names.unique("Both") + " " + PASSWORD);
            long after = api.awaitOutput(-1, "Your character is made", new StringBuilder());

            try (WebSocketTestClient ws = new WebSocketTestClient(stack.webPort(), WebSocketTestClient.JSON)) {
                ws.resume(api.token, after);
                JsonNode resumed = ws.awaitMessage("resumed");
                assertEquals(session, resumed.path("session").asText(), "the same session");
                assertEquals(401, api.line(2, "look").statusCode(), "the HTTP token was spent by the resume");
                ws.line("look");
                ws.awaitText("Town Square");
                assertTrue(ws.seqs().get(0) > after, "the WebSocket goes on after the last number read over HTTP");
                long wsLast = ws.lastSeq();
                String wsToken = resumed.path("token").asText();
                ws.cut();

                ApiTestClient back = new ApiTestClient(stack.httpPort());
                assertEquals(200, back.resume(wsToken, wsLast).statusCode());
                assertEquals(session, back.session, "and back to HTTP, still the same session");
                assertEquals(202, back.line(1, "say back over http").statusCode());
                StringBuilder seen = new StringBuilder();
                back.awaitOutput(wsLast, "You say, \"back over http\"", seen);
            }
            ApiTestClient stranger = new ApiTestClient(stack.httpPort());
            assertEquals(401, stranger.resume("not-a-token", 0).statusCode());
        }
    }

    @Test
    void badRequestsGetProblemDocumentsWithTheRightStatus(KafkaBroker broker) throws Exception {
        try (Stack stack = Stack.start(broker.bootstrapServers(), Map.of("mud.gateway.http.lines-per-second", 1))) {
            ApiTestClient api = new ApiTestClient(stack.httpPort());
            api.create();
            assertProblem(api.post("/lines", "{\"seq\":1,\"text\":\"look\"}", "wrong"), 401, "bad-token");
            assertProblem(api.line(1, "x".repeat(3000)), 413, "too-large");
            assertProblem(api.line(5, "look"), 409, "sequence-conflict");
            assertProblem(api.secret(1, "hunter22"), 409, "no-secret-asked");
            assertEquals(202, api.line(1, "look").statusCode());
            assertProblem(api.line(1, "other text"), 409, "sequence-conflict");
            HttpResponse<String> limited = null;
            for (int seq = 2; seq < 10 && limited == null; seq++) {
                HttpResponse<String> response = api.line(seq, "look");
                if (response.statusCode() == 429) {
                    limited = response;
                }
            }
            assertTrue(limited != null, "at one line a second, a burst of eight is limited");
            assertProblem(limited, 429, "rate-limit");
            String realSession = api.session;
            api.session = "no-such-session";
            assertProblem(api.output(-1, 0), 404, "unknown-session");
            api.session = realSession;
        }
    }

    @Test
    void theOpenApiDescriptionMatchesTheRealEndpoints(KafkaBroker broker) throws Exception {
        try (Stack stack = Stack.start(broker.bootstrapServers())) {
            ApiTestClient api = new ApiTestClient(stack.httpPort());
            HttpResponse<String> description = api.get("/openapi.yaml");
            assertEquals(200, description.statusCode());
            Map<String, Object> doc = new Yaml().load(description.body());
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Map<String, Object>>> paths = (Map<String, Map<String, Map<String, Object>>>) doc.get("paths");
            assertTrue(paths.size() >= 5, paths.keySet().toString());
            for (var path : paths.entrySet()) {
                for (var operation : path.getValue().entrySet()) {
                    @SuppressWarnings("unchecked")
                    Map<Object, Object> responses = (Map<Object, Object>) operation.getValue().get("responses");
                    api.create();
                    int status = call(api, operation.getKey(), path.getKey());
                    assertTrue(responses.containsKey(Integer.toString(status)) || responses.containsKey(status),
                            operation.getKey() + " " + path.getKey() + " answered " + status + ", documented: "
                                    + responses.keySet());
                    assertTrue(status != 404 && status != 405, operation.getKey() + " " + path.getKey() + " exists");
                }
            }
        }
    }

    /** A well-formed call of a documented operation, with a fresh session. */
    private static int call(ApiTestClient api, String method, String path) {
        String concrete = path.replace("{id}", api.session).substring("/sessions".length());
        return switch (method + " " + path) {
            case "post /sessions" -> api.create().statusCode();
            case "post /sessions/{id}/lines" -> api.line(1, "look").statusCode();
            case "post /sessions/{id}/secret" -> api.secret(1, "hunter22").statusCode();
            case "get /sessions/{id}/output" -> api.output(-1, 0).statusCode();
            case "get /sessions/{id}/events" -> {
                ApiTestClient.EventStream events = api.events(null);
                int status = events.response.statusCode();
                try {
                    events.cut();
                } catch (java.io.IOException e) {
                    // closed already
                }
                yield status;
            }
            case "delete /sessions/{id}" -> api.delete().statusCode();
            default -> throw new AssertionError("an operation this test does not know: " + method + " " + path
                    + " (" + concrete + ")");
        };
    }

    @Test
    void curlPlaysAsTheReadmeShows(KafkaBroker broker) throws Exception {
        Optional<Path> curl = RealClients.find("curl");
        assumeTrue(curl.isPresent(), "this test needs curl: apt-get install curl");
        try (Stack stack = Stack.start(broker.bootstrapServers())) {
            String base = "http://127.0.0.1:" + stack.httpPort() + "/api/v1/sessions";
            JsonNode created = new com.fasterxml.jackson.databind.ObjectMapper().readTree(RealClients.run(
                    List.of(curl.get().toString(), "-s", "-X", "POST", base), null, 30));
            String id = created.path("session").asText();
            String auth = "Authorization: Bearer " + created.path("token").asText();
            String name = Names.unique("Curl");
            RealClients.run(List.of(curl.get().toString(), "-s", "-H", auth, "-d",
                    "{\"seq\":1,\"text\":\"create " + name + " " + PASSWORD + "\"}", base + "/" + id + "/lines"), null, 30);
            RealClients.run(List.of(curl.get().toString(), "-s", "-H", auth, "-d", "{\"seq\":2,\"text\":\"say hi from curl\"}",
                    base + "/" + id + "/lines"), null, 30);
            String events = RealClients.run(List.of(curl.get().toString(), "-sN", "--max-time", "3", "-H", auth,
                    base + "/" + id + "/events"), null, 30);
            assertTrue(events.contains("Your character is made") && events.contains("You say, \\\"hi from curl\\\""),
                    events);
        }
    }

    private static void assertProblem(HttpResponse<String> response, int status, String code) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("content-type").orElse(""));
        JsonNode problem = ApiTestClient.json(response);
        assertEquals(status, problem.path("status").asInt(), response.body());
        assertEquals(code, problem.path("code").asText(), response.body());
        assertTrue(!problem.path("detail").asText().isEmpty(), response.body());
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
