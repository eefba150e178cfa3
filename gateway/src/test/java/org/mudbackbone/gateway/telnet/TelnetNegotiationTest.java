package org.mudbackbone.gateway.telnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.LineBasedFrameDecoder;
import io.netty.handler.codec.string.StringDecoder;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;
import org.mudbackbone.gateway.render.ColourDepth;

/** The option negotiation of one connection, with the client's answers split at every byte. */
class TelnetNegotiationTest {

    private static final int IAC = 255;
    private static final int SB = 250;
    private static final int SE = 240;
    private static final int WILL = 251;
    private static final int WONT = 252;
    private static final int DO = 253;
    private static final int DONT = 254;

    /** A connection under test: its channel, what the client said, and what reached the game. */
    private static final class Client implements TelnetNegotiator.Listener {
        final EmbeddedChannel channel = new EmbeddedChannel();
        final ClientProfile profile = new ClientProfile("127.0.0.1", false);
        final TelnetNegotiator negotiator = new TelnetNegotiator(channel, profile,
                () -> new LinkedHashMap<>(Map.of("NAME", "Test MUD")) {{
                        put("PLAYERS", "3");
                    }}, org.mudbackbone.gateway.proxy.TrustedProxies.none());
        final List<String> lines = new ArrayList<>();
        final List<String> gmcp = new ArrayList<>();
        int negotiated;
        int changes;

        Client() {
            channel.pipeline().addLast("telnet", new TelnetDecoder(negotiator));
            channel.pipeline().addLast(new LineBasedFrameDecoder(2048, true, true), new StringDecoder(StandardCharsets.UTF_8),
                    new LineLimitGuard(2048));
            negotiator.listen(this);
            negotiator.offer();
        }

        void feed(byte[] bytes) {
            channel.writeInbound(Unpooled.wrappedBuffer(bytes));
            for (Object o; (o = channel.readInbound()) != null; ) {
                lines.add((String) o);
            }
        }

        byte[] sent() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (ByteBuf b; (b = channel.readOutbound()) != null; b.release()) {
                byte[] bytes = new byte[b.readableBytes()];
                b.readBytes(bytes);
                out.writeBytes(bytes);
            }
            return out.toByteArray();
        }

        @Override
        public void negotiated() {
            negotiated++;
        }

        @Override
        public void factsChanged() {
            changes++;
        }

        @Override
        public void gmcp(String pkg, String json) {
            gmcp.add(pkg + " " + json);
        }
    }

    private static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof Integer i) {
                out.write(i);
            } else {
                out.writeBytes(((String) part).getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }

    private static int count(byte[] haystack, byte[] needle) {
        int n = 0;
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(Arrays.copyOfRange(haystack, i, i + needle.length), needle)) {
                n++;
            }
        }
        return n;
    }

    /** What TinTin++ answers, roughly: MTTS, NAWS, CHARSET UTF-8, EOR, GMCP; no MCCP2, MSSP, NEW-ENVIRON. */
    private static final byte[] TINTIN_LIKE = bytes(
            IAC, DO, Telnet.EOR, IAC, DO, Telnet.CHARSET, IAC, DONT, Telnet.MCCP2, IAC, DONT, Telnet.MCCP3,
            IAC, DO, Telnet.GMCP, IAC, DONT, Telnet.MSSP, IAC, WILL, Telnet.TTYPE, IAC, WILL, Telnet.NAWS,
            IAC, WONT, Telnet.NEW_ENVIRON,
            IAC, SB, Telnet.TTYPE, 0, "TINTIN++", IAC, SE,
            IAC, SB, Telnet.TTYPE, 0, "XTERM-256COLOR", IAC, SE,
            IAC, SB, Telnet.TTYPE, 0, "MTTS 2825", IAC, SE,
            IAC, SB, Telnet.NAWS, 0, 120, 0, 40, IAC, SE,
            IAC, SB, Telnet.CHARSET, 2, "UTF-8", IAC, SE,
            "look\r\n");

    @Test
    void aFullNegotiationSplitAtEveryByteLearnsTheSameFacts() {
        for (int at = 0; at <= TINTIN_LIKE.length; at++) {
            Client client = new Client();
            client.feed(Arrays.copyOfRange(TINTIN_LIKE, 0, at));
            client.feed(Arrays.copyOfRange(TINTIN_LIKE, at, TINTIN_LIKE.length));

            String split = "split at " + at;
            assertEquals(List.of("look"), client.lines, split);
            assertEquals(1, client.negotiated, split);
            assertEquals("TINTIN++", client.profile.clientName, split);
            assertEquals("XTERM-256COLOR", client.profile.terminal, split);
            assertEquals(2825, client.profile.mtts, split);
            assertEquals(120, client.profile.width, split);
            assertEquals(40, client.profile.height, split);
            assertTrue(client.profile.utf8() && client.profile.eor && client.profile.gmcp, split);
            assertEquals(ColourDepth.TRUECOLOR, client.profile.colourDepth(), split); // MTTS bit 256
        }
    }

    @Test
    void theServerOffersOnceAndCyclesTerminalTypesUntilMtts() {
        Client client = new Client();
        client.feed(TINTIN_LIKE);
        byte[] sent = client.sent();
        assertEquals(1, count(sent, bytes(IAC, WILL, Telnet.EOR)));
        assertEquals(1, count(sent, bytes(IAC, DO, Telnet.TTYPE)));
        assertEquals(3, count(sent, bytes(IAC, SB, Telnet.TTYPE, 1, IAC, SE)), "one SEND per MTTS round");
        assertEquals(1, count(sent, bytes(IAC, SB, Telnet.CHARSET, 1, ";UTF-8", IAC, SE)));

        // asking again what is already agreed gets no answer (no loops)
        client.feed(bytes(IAC, DO, Telnet.EOR, IAC, WILL, Telnet.NAWS, IAC, DONT, Telnet.MSSP));
        assertEquals(0, client.sent().length);
    }

    @Test
    void resizesAfterTheNegotiationAreReported() {
        Client client = new Client();
        client.feed(TINTIN_LIKE);
        client.feed(bytes(IAC, SB, Telnet.NAWS, 0, 90, 0, IAC, IAC, IAC, SE)); // height 255: IAC doubled
        assertEquals(90, client.profile.width);
        assertEquals(255, client.profile.height);
        assertEquals(1, client.changes);
    }

    @Test
    void aClientThatAnswersNothingPlaysWithDefaultsAfterTheTimeout() {
        Client client = new Client();
        client.feed(bytes("look\r\n"));
        assertEquals(0, client.negotiated);
        client.negotiator.giveUpWaiting();
        assertEquals(1, client.negotiated);
        assertEquals(ColourDepth.ANSI16, client.profile.colourDepth());
        assertTrue(client.profile.utf8());
    }

    @Test
    void aClientThatRefusesCharsetGetsAscii() {
        Client client = new Client();
        client.feed(bytes(IAC, DONT, Telnet.CHARSET));
        assertFalse(client.profile.utf8());
        client.feed(bytes(IAC, SB, Telnet.TTYPE, 0, "MTTS 5", IAC, SE)); // ...unless MTTS says UTF-8
        assertTrue(client.profile.utf8());
    }

    @Test
    void newEnvironGivesTheClientsMnesVariables() {
        Client client = new Client();
        client.feed(bytes(IAC, WILL, Telnet.NEW_ENVIRON, IAC, SB, Telnet.NEW_ENVIRON, 0,
                0, "CLIENT_NAME", 1, "Mudlet", 0, "CLIENT_VERSION", 1, "4.19", 0, "MTTS", 1, "137", IAC, SE));
        assertEquals("Mudlet", client.profile.clientName);
        assertEquals("4.19", client.profile.clientVersion);
        assertEquals(ColourDepth.XTERM256, client.profile.colourDepth()); // 137 = 128 + 8 + 1
        assertEquals("Mudlet 4.19", client.profile.facts().client());
    }

    @Test
    void gmcpCoreIsTheGatewaysAndTheRestGoesToTheWorldMalformedOnlyDropped() {
        Client client = new Client();
        client.feed(bytes(IAC, DO, Telnet.GMCP,
                IAC, SB, Telnet.GMCP, "Core.Hello {\"client\":\"Mudlet\",\"version\":\"4.19\"}", IAC, SE,
                IAC, SB, Telnet.GMCP, "Core.Supports.Set [\"Room 1\", \"Comm.Channel 1\"]", IAC, SE,
                IAC, SB, Telnet.GMCP, "Char.Skills.Get {\"group\":", IAC, SE,
                IAC, SB, Telnet.GMCP, "Char.Skills.Get {\"group\":\"magic\"}", IAC, SE));
        assertEquals("Mudlet 4.19", client.profile.facts().client());
        assertEquals(List.of("Char.Skills.Get {\"group\":\"magic\"}"), client.gmcp);
        assertTrue(client.profile.wantsGmcp("Room.Info"));
        assertTrue(client.profile.wantsGmcp("Comm.Channel.Text"));
        assertFalse(client.profile.wantsGmcp("Char.Vitals"));
    }

    @Test
    void sgaIsAgreedWhenAskedAndThenPromptsCarryNoGoAhead() {
        Client client = new Client();
        TelnetConnection connection = new TelnetConnection(client.channel, client.negotiator, client.profile);
        client.feed(bytes(IAC, DONT, Telnet.EOR));
        client.sent();
        connection.prompt("> ");
        assertEquals(Arrays.toString(bytes("> ", IAC, Telnet.GA)), Arrays.toString(client.sent()), "GA before SGA");

        client.feed(bytes(IAC, DO, Telnet.SGA));
        assertEquals(Arrays.toString(bytes(IAC, WILL, Telnet.SGA)), Arrays.toString(client.sent()));
        connection.prompt("> ");
        assertEquals(Arrays.toString(bytes("> ")), Arrays.toString(client.sent()), "no GA under SGA");
    }

    @Test
    void aPlayersColourChoiceWinsOverTheClients() {
        Client client = new Client();
        client.feed(TINTIN_LIKE);
        TelnetConnection connection = new TelnetConnection(client.channel, client.negotiator, client.profile);
        connection.colours(16);
        assertEquals(ColourDepth.ANSI16, client.profile.colourDepth());
        connection.colours(null);
        assertEquals(ColourDepth.TRUECOLOR, client.profile.colourDepth());
    }

    @Test
    void msspAnswersWithTheLiveFigures() {
        Client client = new Client();
        client.sent();
        client.feed(bytes(IAC, DO, Telnet.MSSP));
        assertEquals(1, count(client.sent(), bytes(IAC, SB, Telnet.MSSP, 1, "NAME", 2, "Test MUD", 1, "PLAYERS", 2, "3", IAC, SE)),
                "NAME then PLAYERS, in the order given");
    }

    @Test
    void mccp2CompressesEverythingAfterItsAnnouncement() throws Exception {
        Client client = new Client();
        client.sent();
        client.feed(bytes(IAC, DO, Telnet.MCCP2));
        new TelnetConnection(client.channel, client.negotiator, client.profile).text("Hello, {red}world{/}!");
        byte[] sent = client.sent();
        byte[] start = bytes(IAC, SB, Telnet.MCCP2, IAC, SE);
        assertArrayStarts(start, sent);
        Inflater inflater = new Inflater();
        inflater.setInput(Arrays.copyOfRange(sent, start.length, sent.length));
        byte[] out = new byte[1024];
        int n = inflater.inflate(out);
        assertEquals("Hello, \u001b[31mworld\u001b[0m!\r\n", new String(out, 0, n, StandardCharsets.UTF_8));
    }

    @Test
    void mccp3InflatesTheRestOfTheReadAtEverySplit() {
        byte[] compressed = deflate("say compressed hello\r\nlook\r\n".getBytes(StandardCharsets.UTF_8));
        byte[] stream = bytes(IAC, DO, Telnet.MCCP3, "who\r\n", IAC, SB, Telnet.MCCP3, IAC, SE);
        byte[] all = new byte[stream.length + compressed.length];
        System.arraycopy(stream, 0, all, 0, stream.length);
        System.arraycopy(compressed, 0, all, stream.length, compressed.length);
        for (int at = 0; at <= all.length; at++) {
            Client client = new Client();
            client.feed(Arrays.copyOfRange(all, 0, at));
            client.feed(Arrays.copyOfRange(all, at, all.length));
            assertEquals(List.of("who", "say compressed hello", "look"), client.lines, "split at " + at);
        }
    }

    @Test
    void anMccp3DecompressionBombDisconnects() {
        byte[] bomb = deflate(new byte[64 * 1024 * 1024]); // 64 MiB of zeros, about 64 KiB compressed
        Client client = new Client();
        client.feed(bytes(IAC, DO, Telnet.MCCP3, IAC, SB, Telnet.MCCP3, IAC, SE));
        client.feed(bomb);
        client.channel.runPendingTasks();
        assertFalse(client.channel.isOpen());
        assertEquals(List.of(), client.lines);
    }

    private static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater();
        deflater.setInput(data);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        while (!deflater.finished()) {
            out.write(chunk, 0, deflater.deflate(chunk));
        }
        return out.toByteArray();
    }

    private static void assertArrayStarts(byte[] prefix, byte[] actual) {
        assertNotNull(actual);
        assertTrue(actual.length >= prefix.length);
        assertEquals(Arrays.toString(prefix), Arrays.toString(Arrays.copyOfRange(actual, 0, prefix.length)));
    }
}
