package org.mudbackbone.systemtest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.Deflater;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mudbackbone.broker.testing.EmbeddedKafkaExtension;
import org.mudbackbone.broker.testing.KafkaBroker;

/**
 * The hostile-input battery: each case a named test against one real gateway with its production
 * limits, beside an honest player in the same room who is probed before and after every case (and
 * must hear every line of their own, in order). Each attacker connects from an address of its own
 * (127.0.0.10 and up), so that one case's connections never count against another's.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class HostileInputTest {

    private static final int LOGIN_SECONDS = 5;
    private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger(10);
    private static Stack stack;
    private static TelnetTestClient honest;
    private static int probes;

    @BeforeAll
    static void start(KafkaBroker broker) throws IOException {
        stack = Stack.start(broker.bootstrapServers(), Map.of(
                "mud.gateway.limits.connections-per-address", 32,
                "mud.gateway.limits.accepts-per-second", 4,
                "mud.gateway.limits.hashes-per-address", 4,
                "mud.gateway.limits.login-seconds", LOGIN_SECONDS));
        honest = new TelnetTestClient(stack.telnetPort());
        honest.awaitText("Welcome");
        honest.send("create " + Names.unique("Honest") + " honest-password");
        honest.awaitText("Town Square");
    }

    @AfterAll
    static void stop() throws Exception {
        honest.close();
        stack.close();
    }

    @BeforeEach
    @AfterEach
    void probeTheHonestPlayer() {
        String line = "probe-" + probes++;
        honest.send("say " + line);
        honest.awaitText("You say, \"" + line + "\"");
    }

    /** A raw connection from an address of its own, reading everything into a buffer on a thread. */
    private static final class Attacker implements AutoCloseable {
        final Socket socket = new Socket();
        final ByteArrayOutputStream received = new ByteArrayOutputStream();
        final Thread reader;

        Attacker() throws IOException {
            socket.bind(new InetSocketAddress("127.0.0." + NEXT_ADDRESS.getAndIncrement(), 0));
            socket.connect(new InetSocketAddress("127.0.0.1", stack.telnetPort()), 10_000);
            reader = new Thread(() -> {
                try (InputStream in = socket.getInputStream()) {
                    byte[] buf = new byte[8192];
                    for (int n; (n = in.read(buf)) >= 0; ) {
                        synchronized (received) {
                            received.write(buf, 0, n);
                        }
                    }
                } catch (IOException e) {
                    // closed
                }
            }, "attacker");
            reader.setDaemon(true);
            reader.start();
        }

        /** What it received, colours removed (a colour code may sit inside an answer). */
        String text() {
            synchronized (received) {
                return received.toString(StandardCharsets.UTF_8).replaceAll("\u001b\\[[0-9;]*m", "");
            }
        }

        void await(String expected) {
            Waits.until("'" + expected + "' sent to the attacker", Waits.ANSWER, () -> text().contains(expected),
                    () -> text().substring(Math.max(0, text().length() - 300)).replace("\r", ""));
        }

        void write(byte[] bytes) {
            try {
                OutputStream out = socket.getOutputStream();
                out.write(bytes);
                out.flush();
            } catch (IOException e) {
                // cut off while writing: what the gateway did is asserted next
            }
        }

        void write(String text) {
            write(text.getBytes(StandardCharsets.UTF_8));
        }

        /** Logs in as a new character and waits until the room is in view. */
        String logIn() {
            await("Welcome");
            String name = Names.unique("Hostile");
            write("create " + name + " hostile-password\r\n");
            await("Town Square");
            return name;
        }

        void awaitClosed() {
            Waits.until("the attacker disconnected", Waits.ANSWER, () -> !reader.isAlive(),
                    () -> text().substring(Math.max(0, text().length() - 300)));
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    @Test
    void anOversizedLineIsRefusedWithAMessageAndTheConnectionStays() throws IOException {
        try (Attacker a = new Attacker()) {
            a.logIn();
            a.write("say " + "x".repeat(5000) + "\r\n");
            a.await("Line too long (the limit is 2048 bytes); it was not sent.");
            a.write("say still-connected\r\n");
            a.await("You say, \"still-connected\"");
        }
        assertFalse(honest.text().contains("x".repeat(2100)), "nothing of the long line reached the room");
    }

    @Test
    void anEndlessLineWithoutANewlineIsSkippedNotBuffered() throws IOException {
        try (Attacker a = new Attacker()) {
            a.logIn();
            byte[] chunk = "y".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 32; i++) { // 2 MiB, never a line end
                a.write(chunk);
            }
            a.await("Line too long");
            a.write("\r\nsay after-the-flood\r\n");
            a.await("You say, \"after-the-flood\"");
        }
    }

    @Test
    void iacInsideTextIsOneDataByteAndNoCommand() throws IOException {
        try (Attacker a = new Attacker()) {
            String name = a.logIn();
            // IAC IAC is a data byte 255 (not UTF-8: it becomes U+FFFD); IAC NOP is a command, dropped
            a.write(concat("say iac-".getBytes(), bytes(255, 255), "-nop-".getBytes(), bytes(255, 241), "-end\r\n".getBytes()));
            honest.awaitText(name + " says, \"iac-"); // the byte 255 as U+FFFD, or '?' to a client without UTF-8
            honest.awaitText("-nop--end\"");
        }
    }

    @Test
    void anUnterminatedSubnegotiationDisconnectsItsSenderAlone() throws IOException {
        try (Attacker a = new Attacker()) {
            a.logIn();
            a.write(bytes(255, 250, 24)); // IAC SB TTYPE, then 16 KiB and never IAC SE
            a.write("z".repeat(16 * 1024).getBytes(StandardCharsets.US_ASCII));
            a.awaitClosed();
        }
    }

    @Test
    void malformedAndDeeplyNestedGmcpIsDroppedAndThePlayerPlaysOn() throws IOException {
        try (Attacker a = new Attacker()) {
            a.write(bytes(255, 253, 201)); // IAC DO GMCP
            a.logIn();
            a.write(concat(bytes(255, 250, 201), "Char.Login {not json".getBytes(), bytes(255, 240)));
            a.write(concat(bytes(255, 250, 201), ("Char.Login " + "[".repeat(5000)).getBytes(), bytes(255, 240)));
            a.write(concat(bytes(255, 250, 201), "Core.Supports.Set \"Room 1\"".getBytes(), bytes(255, 240)));
            a.write("say gmcp-survived\r\n");
            a.await("You say, \"gmcp-survived\"");
        }
    }

    @Test
    void nawsWithAnEscapedFfIsAWidthAndNothingBreaks() throws IOException {
        try (Attacker a = new Attacker()) {
            a.write(bytes(255, 251, 31)); // IAC WILL NAWS
            a.logIn();
            // width 0xFFFF (each 0xFF doubled as the protocol requires), height 0
            a.write(bytes(255, 250, 31, 255, 255, 255, 255, 0, 0, 255, 240));
            a.write(bytes(255, 250, 31, 255, 255, 0, 255, 240)); // a short one: its IAC IAC is one byte
            a.write("look\r\n");
            a.await("Exits:");
        }
    }

    @Test
    void anMccp3DecompressionBombDisconnectsItsSender() throws IOException {
        try (Attacker a = new Attacker()) {
            a.write(bytes(255, 253, 87)); // IAC DO MCCP3
            a.logIn();
            Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
            byte[] lines = "say boom\r\n".repeat(20_000).getBytes(StandardCharsets.US_ASCII);
            ByteArrayOutputStream bomb = new ByteArrayOutputStream();
            deflater.setInput(lines);
            byte[] buf = new byte[8192];
            for (int i = 0; i < 60; i++) { // 60 copies: about 12 MiB inflated from a few KiB
                deflater.setInput(lines);
                for (int n; (n = deflater.deflate(buf, 0, buf.length, Deflater.NO_FLUSH)) > 0; ) {
                    bomb.write(buf, 0, n);
                }
            }
            deflater.finish();
            for (int n; (n = deflater.deflate(buf)) > 0; ) {
                bomb.write(buf, 0, n);
            }
            a.write(concat(bytes(255, 250, 87, 255, 240), bomb.toByteArray()));
            a.awaitClosed();
        }
        long booms = honest.text().split("says, \"boom\"", -1).length - 1;
        assertTrue(booms < 200, "the room heard at most the line allowance of the bomb, not 1.2 million lines: " + booms);
    }

    @Test
    void invalidUtf8BecomesReplacementCharacters() throws IOException {
        try (Attacker a = new Attacker()) {
            String name = a.logIn();
            a.write(concat("say bad-".getBytes(), bytes(0xC3, 0x28, 0xED, 0xA0, 0x80, 0xFE), "-utf8\r\n".getBytes()));
            honest.awaitText(name + " says, \"bad-");
            honest.awaitText("-utf8\"");
        }
    }

    @Test
    void ansiOscEightBitCsiAndHtmlInASayReachNobodyAsControls() throws IOException {
        try (Attacker a = new Attacker()) {
            String name = a.logIn();
            a.write("say inject\u001b[2J\u001b]0;pwned\u0007\u009b2J<b>html</b>{red}markup{/}-end\r\n");
            honest.awaitText(name + " says, \"inject");
            honest.awaitText("-end\"");
        }
        String seen = honest.text();
        assertFalse(seen.contains("\u001b[2J"), "no clear-screen");
        assertFalse(seen.contains("\u001b]0;"), "no OSC title");
        assertFalse(seen.contains("\u009b"), "no 8-bit CSI");
        assertTrue(seen.contains("<b>html</b>{red}markup{/}-end"), "HTML and markup arrive as text: " + seen.substring(
                Math.max(0, seen.length() - 300)));
    }

    @Test
    void twoHundredSlowlorisConnectionsAreCappedAndClosedAtTheLoginDeadline() throws Exception {
        List<Attacker> loris = new ArrayList<>();
        int address = NEXT_ADDRESS.getAndIncrement();
        try {
            for (int i = 0; i < 200; i++) {
                NEXT_ADDRESS.set(address); // all from one address
                loris.add(new Attacker());
            }
            long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(LOGIN_SECONDS + 2);
            while (System.nanoTime() < until) { // a byte every second or so, never a line
                for (Attacker a : loris) {
                    a.write(new byte[] {'l'});
                }
                Thread.sleep(1000); // the attacker's pace, not a wait for the server
            }
            Waits.until("every slowloris connection closed", Waits.ANSWER,
                    () -> loris.stream().noneMatch(a -> a.reader.isAlive()),
                    () -> loris.stream().filter(a -> a.reader.isAlive()).count() + " still open");
            long greeted = loris.stream().filter(a -> a.text().contains("Welcome")).count();
            assertTrue(greeted <= 32, "at most 32 from one address were let in: " + greeted);
            assertTrue(loris.stream().filter(a -> a.text().contains("Welcome"))
                    .allMatch(a -> a.text().contains("You did not log in within " + LOGIN_SECONDS + " seconds.")),
                    "each one let in was closed at the login deadline");
        } finally {
            NEXT_ADDRESS.set(address + 1);
            for (Attacker a : loris) {
                a.close();
            }
        }
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
