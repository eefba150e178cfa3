package org.mudbackbone.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mudbackbone.broker.testing.EmbeddedKafkaExtension;
import org.mudbackbone.broker.testing.KafkaBroker;

/**
 * Hostile clients against a real gateway with its production limits, each beside an honest player
 * in the same room who is probed before and after: the offender gets the documented answer, the
 * gateway stays up, and the honest player misses nothing of their own. Attackers connect from
 * 127.0.0.2, the honest player from 127.0.0.1: per-address limits must not touch the honest one.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class HostileClientsTest {

    private static final String ATTACKER = "127.0.0.2";
    /** The production defaults, which the other tests lift because all their players share loopback. */
    private static final Map<String, Object> PRODUCTION_LIMITS = Map.of(
            "mud.gateway.limits.connections-per-address", 32,
            "mud.gateway.limits.accepts-per-second", 4,
            "mud.gateway.limits.hashes-per-address", 4);

    private static Map<String, Object> limits(Object... more) {
        Map<String, Object> all = new HashMap<>(PRODUCTION_LIMITS);
        for (int i = 0; i < more.length; i += 2) {
            all.put((String) more[i], more[i + 1]);
        }
        return all;
    }

    /** A player who logs in and then can be asked whether the game still answers them, in order. */
    private static final class Honest implements AutoCloseable {
        final TelnetTestClient client;
        final String name = Names.unique("Honest");
        private int probes;

        Honest(Stack stack) throws IOException {
            client = new TelnetTestClient(stack.telnetPort());
            client.awaitText("Welcome");
            client.send("create " + name + " honest-password-" + name);
            client.awaitText("Town Square");
        }

        /** Says a numbered line and waits for its own echo. */
        void probe() {
            String line = "probe-" + probes++;
            client.send("say " + line);
            client.awaitText("You say, \"" + line + "\"");
        }

        @Override
        public void close() throws IOException {
            client.close();
        }
    }

    @Test
    void aThousandConnectionsFromOneAddressAreCappedAndTheRefusedAreToldWhy(KafkaBroker broker) throws Exception {
        try (Stack stack = Stack.start(broker.bootstrapServers(), limits());
                Honest honest = new Honest(stack)) {
            honest.probe();
            List<Socket> flood = new ArrayList<>();
            try {
                for (int i = 0; i < 1000; i++) {
                    Socket s = new Socket();
                    s.bind(new InetSocketAddress(ATTACKER, 0));
                    s.connect(new InetSocketAddress("127.0.0.1", stack.telnetPort()), 10_000);
                    flood.add(s);
                }
                // each refused connection is told why and closed; the held ones get the banner and stay
                Map<String, Integer> answers = new HashMap<>();
                Map<Socket, StringBuilder> received = new HashMap<>();
                Waits.until("every flood connection answered", Waits.ANSWER, () -> {
                    answers.clear();
                    for (Socket s : flood) {
                        answers.merge(answer(s, received.computeIfAbsent(s, k -> new StringBuilder())), 1, Integer::sum);
                    }
                    return answers.getOrDefault("(nothing yet)", 0) == 0;
                }, answers::toString);
                int held = answers.getOrDefault("banner", 0);
                assertTrue(held > 0 && held <= 32, "at most 32 held from one address: " + answers);
                int toldWhy = answers.getOrDefault("Too many connections from your address (at most 32).", 0)
                        + answers.getOrDefault("Connecting too fast from your address; please wait a few seconds.", 0);
                assertEquals(1000 - held, toldWhy, "every other connection was refused with a reason: " + answers);
            } finally {
                for (Socket s : flood) {
                    s.close();
                }
            }
            honest.probe();
            try (TelnetTestClient newcomer = new TelnetTestClient(stack.telnetPort(), "127.0.0.3")) {
                newcomer.awaitText("Welcome"); // another address is let in at once
            }
            assertTrue(stack.refusedBy("connections-per-address") + stack.refusedBy("connections-accept-rate") > 0);
        }
    }

    /**
     * What a flood connection has received so far (read without waiting, kept in {@code got}): the
     * refusal's text, "banner", or "(nothing yet)".
     */
    private static String answer(Socket s, StringBuilder got) throws IOException {
        s.setSoTimeout(1);
        InputStream in = s.getInputStream();
        byte[] buf = new byte[4096];
        try {
            for (int n; (n = in.read(buf)) > 0; ) {
                got.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
            }
        } catch (SocketTimeoutException | java.net.SocketException e) {
            // nothing more for now, or reset after the refusal
        }
        String text = got.toString();
        if (text.contains("Welcome")) {
            return "banner";
        }
        int end = text.indexOf("\r\n");
        return end > 0 ? text.substring(0, end) : "(nothing yet)";
    }

    @Test
    void fiveThousandLinesAtOnceWarnThenDisconnectTheFlooderAndTheRoomHearsOnlyTheBurst(KafkaBroker broker)
            throws Exception {
        try (Stack stack = Stack.start(broker.bootstrapServers(), limits());
                Honest honest = new Honest(stack);
                TelnetTestClient flooder = new TelnetTestClient(stack.telnetPort(), ATTACKER)) {
            honest.probe();
            flooder.awaitText("Welcome");
            String name = Names.unique("Flooder");
            flooder.send("create " + name + " flooder-password");
            flooder.awaitText("Town Square");
            honest.client.awaitText(name + " has connected.");
            StringBuilder lines = new StringBuilder();
            for (int i = 0; i < 5000; i++) {
                lines.append("say flood-").append(i).append("\r\n");
            }
            writeAll(flooder, lines.toString());
            flooder.awaitText("You are typing faster than 20 lines a second");
            flooder.awaitText("Disconnected: too much input too fast.");
            Waits.until("the flooder's connection closed", Waits.ANSWER, flooder::closedByServer, () -> "still open");
            honest.client.awaitText(name + " has disconnected.");
            honest.probe();
            List<Integer> heard = new ArrayList<>();
            Matcher m = Pattern.compile(Pattern.quote(name) + " says, \"flood-(\\d+)\"").matcher(honest.client.text());
            while (m.find()) {
                heard.add(Integer.parseInt(m.group(1)));
            }
            assertTrue(heard.size() >= 60 && heard.size() < 200,
                    "the room heard the burst of 60 and what the rate let through before the flooder was cut off: " + heard.size());
            for (int i = 1; i < heard.size(); i++) {
                assertTrue(heard.get(i) > heard.get(i - 1), "in order, each once: " + heard);
            }
            assertEquals(heard.subList(0, 60), java.util.stream.IntStream.range(0, 60).boxed().toList(),
                    "the first 60 lines were all accepted and all done");
            assertEquals(1, stack.refusedBy("lines-disconnect"));
        }
    }

    @Test
    void aClientThatStopsReadingIsDisconnectedOnceItIsBoundedBehindAndTheRoomPlaysOn(KafkaBroker broker)
            throws Exception {
        // typing limits lifted: this client's own echoes are what piles up, as a spammed look would
        try (Stack stack = Stack.start(broker.bootstrapServers(), limits(
                "mud.gateway.limits.max-output-backlog-bytes", 64 * 1024,
                "mud.gateway.limits.lines-per-second", 100_000, "mud.gateway.limits.line-burst", 100_000));
                Honest honest = new Honest(stack);
                Socket deaf = new Socket()) {
            honest.probe();
            deaf.setReceiveBufferSize(4096); // before connecting, so the window stays small
            deaf.bind(new InetSocketAddress(ATTACKER, 0));
            deaf.connect(new InetSocketAddress("127.0.0.1", stack.telnetPort()), 10_000);
            OutputStream out = deaf.getOutputStream();
            String name = Names.unique("Deaf");
            out.write(("create " + name + " deaf-password\r\n").getBytes(StandardCharsets.UTF_8));
            honest.client.awaitText(name + " has connected.");
            String payload = "x".repeat(1500);
            try {
                for (int i = 0; i < 2000 && stack.refusedBy("slow-reader") == 0; i++) {
                    out.write(("say " + i + payload + "\r\n").getBytes(StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                // the gateway closed the connection while we wrote: that is the point
            }
            Waits.until("the slow reader disconnected", Waits.ANSWER, () -> stack.refusedBy("slow-reader") == 1,
                    () -> "refused by slow-reader: " + stack.refusedBy("slow-reader"));
            honest.client.awaitText(name + " has disconnected.");
            honest.probe();
        }
    }

    @Test
    void aConnectionThatNeverLogsInIsClosedAtTheLoginDeadlineAndPlayersAreNot(KafkaBroker broker) throws Exception {
        int loginSeconds = 3;
        try (Stack stack = Stack.start(broker.bootstrapServers(), limits("mud.gateway.limits.login-seconds", loginSeconds));
                Honest honest = new Honest(stack);
                TelnetTestClient loris = new TelnetTestClient(stack.telnetPort(), ATTACKER)) {
            loris.awaitText("Welcome");
            loris.send("look"); // a guest typing now and then is still not logged in
            // the deadline is checked on the gateway's output loop: allow it that loop's poll on top
            Waits.until("the guest closed after " + loginSeconds + " s", Waits.ANSWER, loris::closedByServer,
                    () -> loris.text().substring(Math.max(0, loris.text().length() - 200)));
            assertTrue(loris.text().contains("You did not log in within " + loginSeconds + " seconds."), loris.text());
            honest.probe(); // logged in before the deadline passed: still here
            assertEquals(1, stack.refusedBy("login-time"));
        }
    }

    private static void writeAll(TelnetTestClient client, String text) {
        try {
            client.sendRaw(text.getBytes(StandardCharsets.UTF_8));
        } catch (java.io.UncheckedIOException e) {
            // cut off while writing: the disconnect is asserted next
        }
    }
}
