package org.mudbackbone.gateway.render;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import org.mudbackbone.broker.markup.Markup;

/**
 * The world's output as the JSON fields the web protocols share (WebSocket's JSON subprotocol, the
 * HTTP API): text and prompts as {@code markup} and as {@code plain} text, out-of-band data as its
 * {@code package} and {@code data}, each with its {@code seq} (left out for the gateway's own notices).
 */
public final class OutputJson {

    private OutputJson() {}

    /** The fields of a text ({@code type} "text") or prompt ("prompt"); {@code seq} < 0: a notice, no number. */
    public static void markup(JsonGenerator writer, String type, long seq, String markup) throws IOException {
        writer.writeStringField("type", type);
        if (seq >= 0) {
            writer.writeNumberField("seq", seq);
        }
        writer.writeStringField("markup", markup);
        writer.writeStringField("plain", Markup.plain(markup));
    }

    /** The fields of out-of-band data; {@code json} is the world's, checked when it was made. */
    public static void oob(JsonGenerator writer, long seq, String pkg, String json) throws IOException {
        writer.writeStringField("type", "oob");
        if (seq >= 0) {
            writer.writeNumberField("seq", seq);
        }
        writer.writeStringField("package", pkg);
        writer.writeFieldName("data");
        writer.writeRawValue(json == null || json.isBlank() ? "null" : json);
    }
}
