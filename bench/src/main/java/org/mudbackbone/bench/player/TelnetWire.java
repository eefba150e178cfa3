package org.mudbackbone.bench.player;

import java.nio.charset.StandardCharsets;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import org.mudbackbone.bench.telnet.TelnetLineReader;
import reactor.core.publisher.Mono;
import reactor.netty.tcp.TcpClient;

/** A telnet connection that refuses every option the gateway offers and reads lines without ANSI. */
public final class TelnetWire implements Wire {

    private final TcpClient client;
    private volatile Channel channel;
    private volatile boolean closing;
    /** When the bytes being read arrived: one clock reading per read, not per line. */
    private long readAt;

    public TelnetWire(TcpClient client) {
        this.client = client;
    }

    @Override
    public Mono<Void> open(Lines lines) {
        TelnetLineReader reader = new TelnetLineReader(text -> lines.line(text, readAt), this::reply);
        return client.connect().doOnNext(connection -> {
            channel = connection.channel();
            connection.inbound().receive().subscribe(buf -> {
                readAt = System.nanoTime();
                buf.forEachByte(b -> {
                    reader.accept(b & 0xff);
                    return true;
                });
            }, e -> { }, () -> { });
            connection.onDispose(() -> {
                if (!closing) {
                    lines.closedByServer();
                }
            });
        }).then();
    }

    private void reply(byte[] bytes) {
        Channel c = channel;
        if (c != null) {
            c.writeAndFlush(Unpooled.wrappedBuffer(bytes));
        }
    }

    @Override
    public boolean send(String text) {
        Channel c = channel;
        if (c == null || !c.isActive()) {
            return false;
        }
        c.writeAndFlush(Unpooled.wrappedBuffer((text + "\r\n").getBytes(StandardCharsets.UTF_8)));
        return true;
    }

    @Override
    public void close() {
        closing = true;
        Channel c = channel;
        if (c != null) {
            c.close();
        }
    }
}
