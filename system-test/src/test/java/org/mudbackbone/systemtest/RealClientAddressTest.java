package org.mudbackbone.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mudbackbone.broker.message.JsonCodec;
import org.mudbackbone.broker.message.PlayerInput;
import org.mudbackbone.broker.testing.EmbeddedKafkaExtension;
import org.mudbackbone.broker.testing.KafkaBroker;

/**
 * Behind a load balancer: the world hears each player's real address from a trusted proxy (PROXY
 * header on telnet, X-Forwarded-For on HTTP), and nobody else may claim one.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class RealClientAddressTest {

    /** The addresses the world was told sessions opened from. */
    private static Set<String> openedFrom(Stack stack) {
        return TopicReader.readAll(stack.bootstrapServers(), stack.topics.input().name()).stream()
                .map(r -> JsonCodec.INPUT.decode(r.value()).orElse(null))
                .filter(i -> i instanceof PlayerInput.Opened)
                .map(i -> ((PlayerInput.Opened) i).address())
                .collect(Collectors.toSet());
    }

    @Test
    void aTrustedProxysClientAddressReachesTheWorldAndAnUntrustedClaimIsRefused(KafkaBroker broker) throws Exception {
        try (Stack stack = Stack.start(broker.bootstrapServers(), Map.of(
                "mud.gateway.proxy.enabled", true, "mud.gateway.proxy.trusted", List.of("127.0.0.1/32")))) {
            try (Socket proxied = new Socket(InetAddress.getLoopbackAddress(), stack.telnetPort())) {
                OutputStream out = proxied.getOutputStream();
                out.write("PROXY TCP4 203.0.113.7 127.0.0.1 51000 4000\r\nlook\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                Waits.until("a session opened from the proxied address", Waits.ANSWER,
                        () -> openedFrom(stack).contains("203.0.113.7"), () -> openedFrom(stack).toString());
            }

            HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + stack.httpPort() + "/api/v1/sessions"))
                    .header("X-Forwarded-For", "192.0.2.1, 198.51.100.44")
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(201, created.statusCode());
            Waits.until("a session opened from the forwarded address", Waits.ANSWER,
                    () -> openedFrom(stack).contains("198.51.100.44"), () -> openedFrom(stack).toString());
            assertTrue(!openedFrom(stack).contains("192.0.2.1"), "only the hop the proxy saw is taken");

            // a second gateway of the same game that trusts another network: this test's loopback is a stranger to it
            try (GatewayNode strict = new GatewayNode(stack.bootstrapServers(), stack.namespace(), "gw-strict", Map.of(
                    "mud.gateway.proxy.enabled", true, "mud.gateway.proxy.trusted", List.of("10.0.0.0/8")));
                    Socket liar = new Socket(InetAddress.getLoopbackAddress(), strict.telnetPort())) {
                liar.getOutputStream().write("PROXY TCP4 203.0.113.8 127.0.0.1 51000 4000\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                liar.getOutputStream().flush();
                liar.setSoTimeout((int) Waits.ANSWER.toMillis());
                InputStream in = liar.getInputStream();
                byte[] buffer = new byte[4096];
                while (in.read(buffer) >= 0) {
                    // the gateway's negotiation, until it closes the connection
                }
            }
            assertTrue(!openedFrom(stack).contains("203.0.113.8"), openedFrom(stack).toString());
        }
    }
}
