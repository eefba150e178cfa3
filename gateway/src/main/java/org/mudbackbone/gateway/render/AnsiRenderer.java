package org.mudbackbone.gateway.render;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.mudbackbone.broker.markup.Markup;
import org.mudbackbone.broker.markup.MarkupToken;

/**
 * Markup to ANSI text. Text tokens are data: any control character in them (ESC included) is
 * dropped, so nothing a player typed can move a cursor or change a colour on anyone's screen.
 */
public final class AnsiRenderer {

    private static final String RESET = "\u001b[0m";
    private static final Map<String, Integer> SGR = Map.ofEntries(
            Map.entry("black", 30), Map.entry("red", 31), Map.entry("green", 32), Map.entry("yellow", 33),
            Map.entry("blue", 34), Map.entry("magenta", 35), Map.entry("cyan", 36), Map.entry("white", 37),
            Map.entry("bright-black", 90), Map.entry("bright-red", 91), Map.entry("bright-green", 92),
            Map.entry("bright-yellow", 93), Map.entry("bright-blue", 94), Map.entry("bright-magenta", 95),
            Map.entry("bright-cyan", 96), Map.entry("bright-white", 97),
            Map.entry("bold", 1), Map.entry("italic", 3), Map.entry("underline", 4));

    private AnsiRenderer() {}

    /** Renders with colour, or as plain text when {@code colour} is false. */
    public static String render(String markup, boolean colour) {
        List<MarkupToken> tokens = Markup.parse(markup);
        StringBuilder out = new StringBuilder(markup.length() + 16);
        Deque<Integer> styles = new ArrayDeque<>();
        boolean styled = false;
        for (MarkupToken token : tokens) {
            if (token instanceof MarkupToken.Text text) {
                appendData(out, text.text());
                continue;
            }
            if (!colour) {
                continue;
            }
            if (token instanceof MarkupToken.End) {
                if (styles.isEmpty()) {
                    continue;
                }
                styles.pop();
                out.append(RESET);
                styles.descendingIterator().forEachRemaining(code -> sgr(out, code));
            } else {
                int code = SGR.getOrDefault(styleName(token), 4);
                styles.push(code);
                sgr(out, code);
                styled = true;
            }
        }
        if (styled && !styles.isEmpty()) {
            out.append(RESET);
        }
        return out.toString();
    }

    private static String styleName(MarkupToken token) {
        if (token instanceof MarkupToken.Colour c) {
            return c.name();
        }
        if (token instanceof MarkupToken.Emphasis e) {
            return e.name();
        }
        return "underline"; // a link: underlined, as terminals show links
    }

    private static void sgr(StringBuilder out, int code) {
        out.append("\u001b[").append(code).append('m');
    }

    private static void appendData(StringBuilder out, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\t' || (c >= 0x20 && c != 0x7f && (c < 0x80 || c > 0x9f))) {
                out.append(c);
            }
        }
    }
}
