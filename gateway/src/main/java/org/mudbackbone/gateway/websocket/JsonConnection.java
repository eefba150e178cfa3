package org.mudbackbone.gateway.websocket;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import java.io.IOException;
import java.io.StringWriter;
import org.mudbackbone.broker.message.GameOutput;
import org.mudbackbone.gateway.render.OutputJson;
import org.mudbackbone.gateway.session.SessionConnection;

/**
 * A session's output in our JSON subprotocol: one text frame per message. Text and prompts carry
 * the world's markup and the same as plain text; the world's outputs carry their sequence number
 * ({@code seq}), which the client sends back to resume; the gateway's own notices carry none.
 */
final class JsonConnection implements SessionConnection {

    static final ObjectMapper JSON = new ObjectMapper();

    private final Channel channel;

    JsonConnection(Channel channel) {
        this.channel = channel;
    }

    @Override
    public void show(GameOutput output) {
        if (output instanceof GameOutput.Text text) {
            send(writer -> OutputJson.markup(writer, "text", output.seq(), text.markup()));
        } else if (output instanceof GameOutput.Prompt prompt) {
            send(writer -> OutputJson.markup(writer, "prompt", output.seq(), prompt.markup()));
        } else if (output instanceof GameOutput.Oob oob) {
            send(writer -> OutputJson.oob(writer, output.seq(), oob.pkg(), oob.json()));
        }
    }

    @Override
    public void text(String markup) {
        send(writer -> OutputJson.markup(writer, "text", -1, markup));
    }

    @Override
    public void prompt(String markup) {
        send(writer -> OutputJson.markup(writer, "prompt", -1, markup));
    }

    @Override
    public void oob(String pkg, String json) {
        send(writer -> OutputJson.oob(writer, -1, pkg, json));
    }

    @Override
    public void hideInput(boolean hidden) {
        send(writer -> {
            writer.writeStringField("type", "secret");
            writer.writeBooleanField("on", hidden);
        });
    }

    @Override
    public void colours(Integer colours) {
        // the web client shows every colour; a player's colour setting is for terminals
    }

    @Override
    public void close(String markup) {
        send(writer -> OutputJson.markup(writer, "closed", -1, markup));
        channel.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.NORMAL_CLOSURE))
                .addListener(ChannelFutureListener.CLOSE);
    }

    /** A notice, then the end of this connection (1012, service restart): the client comes back and resumes. */
    @Override
    public void drop(String markup) {
        text(markup);
        channel.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.SERVICE_RESTART))
                .addListener(ChannelFutureListener.CLOSE);
    }

    /** The gateway's own messages about the session (its ID and token, a refused resume). */
    void control(Body body) {
        send(body);
    }

    interface Body {
        void write(JsonGenerator writer) throws IOException;
    }

    private void send(Body body) {
        StringWriter out = new StringWriter();
        try (JsonGenerator writer = JSON.getFactory().createGenerator(out)) {
            writer.writeStartObject();
            body.write(writer);
            writer.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("writing JSON to a string cannot fail", e);
        }
        channel.writeAndFlush(new TextWebSocketFrame(out.toString()));
    }
}
