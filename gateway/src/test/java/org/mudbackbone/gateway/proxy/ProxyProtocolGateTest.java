package org.mudbackbone.gateway.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.haproxy.HAProxyCommand;
import io.netty.handler.codec.haproxy.HAProxyMessage;
import io.netty.handler.codec.haproxy.HAProxyMessageEncoder;
import io.netty.handler.codec.haproxy.HAProxyProtocolVersion;
import io.netty.handler.codec.haproxy.HAProxyProxiedProtocol;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The first bytes of a connection: a PROXY header from a trusted proxy, from anyone else, or none. */
class ProxyProtocolGateTest {

    private static final TrustedProxies TRUSTED = new TrustedProxies(true, List.of("10.0.0.0/8"));

    /** A channel whose peer is at {@code peer}. */
    private static EmbeddedChannel from(String peer) {
        EmbeddedChannel channel = new EmbeddedChannel() {
            @Override
            protected SocketAddress remoteAddress0() {
                return new InetSocketAddress(peer, 40000);
            }
        };
        channel.pipeline().addFirst("proxy-gate", new ProxyProtocolGate(TRUSTED));
        return channel;
    }

    private static String readText(EmbeddedChannel channel) {
        StringBuilder text = new StringBuilder();
        for (Object msg; (msg = channel.readInbound()) != null;) {
            text.append(((ByteBuf) msg).toString(StandardCharsets.US_ASCII));
            ((ByteBuf) msg).release();
        }
        return text.toString();
    }

    @Test
    void aVersionOneHeaderFromATrustedProxyGivesTheClientsAddressSplitAtEveryByte() {
        byte[] bytes = "PROXY TCP4 203.0.113.7 10.0.0.1 51000 4000\r\nlook\r\n".getBytes(StandardCharsets.US_ASCII);
        for (int split = 1; split < bytes.length; split++) {
            EmbeddedChannel channel = from("10.1.2.3");
            channel.writeInbound(Unpooled.wrappedBuffer(bytes, 0, split));
            channel.writeInbound(Unpooled.wrappedBuffer(bytes, split, bytes.length - split));
            assertEquals("203.0.113.7", RealAddress.of(channel), "split at " + split);
            assertEquals("look\r\n", readText(channel), "split at " + split);
        }
    }

    @Test
    void theClientAProxyNamesIsAskedAboutAndARefusedOneGetsNothingThrough() {
        List<String> asked = new java.util.ArrayList<>();
        EmbeddedChannel channel = new EmbeddedChannel() {
            @Override
            protected SocketAddress remoteAddress0() {
                return new InetSocketAddress("10.1.2.3", 40000);
            }
        };
        channel.pipeline().addFirst("proxy-gate", new ProxyProtocolGate(TRUSTED, (ch, client) -> {
            asked.add(client);
            ch.close();
            return false;
        }));
        channel.writeInbound(Unpooled.copiedBuffer("PROXY TCP4 203.0.113.9 10.0.0.1 51000 4000\r\nlook\r\n",
                StandardCharsets.US_ASCII));
        assertEquals(List.of("203.0.113.9"), asked);
        assertEquals("", readText(channel), "a refused client's line goes nowhere");
        org.junit.jupiter.api.Assertions.assertFalse(channel.isOpen());
    }

    @Test
    void aVersionTwoHeaderFromATrustedProxyGivesTheClientsAddress() {
        EmbeddedChannel encoder = new EmbeddedChannel(HAProxyMessageEncoder.INSTANCE);
        encoder.writeOutbound(new HAProxyMessage(HAProxyProtocolVersion.V2, HAProxyCommand.PROXY,
                HAProxyProxiedProtocol.TCP4, "198.51.100.20", "10.0.0.1", 52000, 4000));
        ByteBuf header = encoder.readOutbound();
        EmbeddedChannel channel = from("10.9.9.9");

        channel.writeInbound(Unpooled.wrappedBuffer(header, Unpooled.copiedBuffer("who\r\n", StandardCharsets.US_ASCII)));

        assertEquals("198.51.100.20", RealAddress.of(channel));
        assertEquals("who\r\n", readText(channel));
    }

    @Test
    void aHeaderFromAnyoneElseClosesTheConnection() {
        EmbeddedChannel channel = from("192.0.2.50");

        channel.writeInbound(Unpooled.copiedBuffer("PROXY TCP4 1.2.3.4 10.0.0.1 1 2\r\nlook\r\n", StandardCharsets.US_ASCII));

        assertFalse(channel.isOpen(), "a client may not choose its own address");
        assertEquals("", readText(channel));
    }

    @Test
    void aDirectClientPassesAtOnceEvenWithOneByte() {
        EmbeddedChannel channel = from("192.0.2.50");

        channel.writeInbound(Unpooled.copiedBuffer("n", StandardCharsets.US_ASCII));

        assertEquals("n", readText(channel), "not held back waiting for a header");
        assertEquals("192.0.2.50", RealAddress.of(channel));
        assertTrue(channel.isOpen());
        assertTrue(channel.pipeline().get("proxy-gate") == null, "the gate steps aside");
    }
}
