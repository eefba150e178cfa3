package org.mudbackbone.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mudbackbone.broker.message.ClientFacts;
import org.mudbackbone.broker.message.JsonCodec;
import org.mudbackbone.broker.message.PlayerInput;
import org.mudbackbone.broker.testing.EmbeddedKafkaExtension;
import org.mudbackbone.broker.testing.KafkaBroker;

/**
 * TinTin++ (Debian's tintin++, headless) plays through the real stack: it negotiates MTTS, NAWS,
 * CHARSET, MCCP2 and MCCP3 with the gateway, logs in, sees colour at the depth it asked for, and gets
 * GMCP Room.Info after moving. Its telnet debug output says what it sent and received; its raw log
 * holds the bytes our gateway sent, decompressed.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class TinTinClientTest {

    private static final Optional<Path> TINTIN = RealClients.find("tt++");
    private static Stack stack;

    @BeforeAll
    static void start(KafkaBroker broker) {
        assumeTrue(TINTIN.isPresent(), "TinTin++ is not installed (Debian package tintin++): skipped");
        stack = Stack.start(broker.bootstrapServers());
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    /** Plays: creates a character, goes north, quits; returns TinTin's output and the raw log. */
    private static String[] play(Path dir, String name, String colourMode) throws Exception {
        return play(dir, name, colourMode, "#session mud 127.0.0.1 " + stack.telnetPort());
    }

    private static String[] play(Path dir, String name, String colourMode, String connect) throws Exception {
        Path log = dir.resolve(name + ".log");
        Path script = dir.resolve(name + ".tin");
        Files.writeString(script, String.join("\n",
                "#config {debug telnet} {on}",
                "#config {log mode} {raw}",
                "#config {color mode} {" + colourMode + "}",
                // accept GMCP and say which packages we take
                "#event {IAC WILL GMCP} {#send {\\xFF\\xFD\\xC9\\};"
                        + "#send {\\xFF\\xFA\\xC9Core.Supports.Set [\"Room 1\", \"Char 1\"]\\xFF\\xF0\\}}",
                "#event {IAC SB GMCP Room.Info IAC SE} {#showme {GMCP-ROOM-INFO %0}}",
                // delays below belong to the session and die with it: end when the game closes it
                "#event {SESSION DISCONNECTED} {#end}",
                connect,
                "#log overwrite " + log,
                "#delay 2 {create " + name + " tintin-password-9}",
                "#delay 3.5 {north}",
                "#delay 5 {quit}",
                ""), StandardCharsets.UTF_8);
        // its own home: TinTin keeps the certificates of TLS servers there, per host and port
        String output = RealClients.run(List.of(TINTIN.get().toString(), "-H", script.toString()), null, 30,
                        Map.of("HOME", dir.toString()))
                .replaceAll("\u001b\\[[0-9;?]*[a-zA-Z]", "");
        String raw = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        return new String[] {output, raw};
    }

    @Test
    void tinTinNegotiatesPlaysInTrueColourAndGetsRoomInfoAfterMoving(@TempDir Path dir) throws Exception {
        String[] played = play(dir, "Tintrue", "true");
        String output = played[0];
        String raw = played[1];

        assertTrue(output.contains("SENT IAC SB TTYPE MTTS"), "MTTS cycle:\n" + output);
        assertTrue(output.contains("SENT IAC SB NAWS"), "NAWS");
        assertTrue(output.contains("SENT IAC SB CHARSET ACCEPTED UTF-8"), "CHARSET");
        assertTrue(output.contains("RCVD IAC SB MCCP2"), "MCCP2 on");
        assertTrue(output.contains("SENT IAC SB MCCP3"), "MCCP3 on");
        assertTrue(output.contains("RCVD IAC EOR"), "prompts marked with EOR");
        // what follows came through MCCP2 and answered input sent through MCCP3
        assertTrue(raw.contains("Town Square") && raw.contains("North Road"), "played:\n" + raw);
        assertTrue(raw.contains("\u001b[38;2;95;175;255mExits:"), "true colour:\n" + raw);
        assertTrue(output.contains("GMCP-ROOM-INFO {num}{2}{name}{North Road}{area}{Town}{exits}{{south}{1}}"),
                "Room.Info after moving:\n" + output);
    }

    @Test
    void tinTinPlaysOverTlsAndTheWorldHearsWhatTheClientSaid(@TempDir Path dir) throws Exception {
        String[] played = play(dir, "Tinsafe", "true", "#ssl mud 127.0.0.1 " + stack.telnetTlsPort());
        assertTrue(played[1].contains("North Road"), "played over TLS:\n" + played[0]);

        List<ClientFacts> facts = TopicReader.readAll(stack.bootstrapServers(), stack.topics.input().name()).stream()
                .map(r -> JsonCodec.INPUT.decode(r.value()).orElse(null))
                .filter(i -> i instanceof PlayerInput.ClientInfo)
                .map(i -> ((PlayerInput.ClientInfo) i).facts())
                .filter(f -> Boolean.TRUE.equals(f.tls()))
                .toList();
        assertFalse(facts.isEmpty(), "a client-info input with tls=true");
        ClientFacts tls = facts.get(facts.size() - 1);
        assertTrue(tls.client().startsWith("TinTin++ "), tls.toString());
        assertEquals("UTF-8", tls.charset());
        assertEquals(16_777_216, tls.colours());
        assertEquals(80, tls.width());
        assertNotNull(tls.mtts());
        assertEquals("127.0.0.1", tls.address());
    }

    @Test
    void a256ColourTinTinGetsXtermColours(@TempDir Path dir) throws Exception {
        String raw = play(dir, "Tinmid", "256")[1];
        assertTrue(raw.contains("\u001b[38;5;75mExits:"), "xterm-256:\n" + raw);
        assertFalse(raw.contains("38;2;"), "no true colour");
    }

    @Test
    void aSixteenColourTinTinGetsTheNearestOfItsColours(@TempDir Path dir) throws Exception {
        String raw = play(dir, "Tinlow", "ansi")[1];
        assertTrue(raw.contains("\u001b[94mExits:"), "16 colours:\n" + raw);
        assertFalse(raw.contains("38;2;") || raw.contains("38;5;"), "nothing it cannot show");
    }
}
