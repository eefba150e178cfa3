package org.mudbackbone.gateway.render;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import org.mudbackbone.broker.markup.Markup;
import org.mudbackbone.broker.markup.MarkupToken;

/**
 * Markup to ANSI text at a client's colour depth. Text tokens are data: any control character in
 * them (ESC included) is dropped, so nothing a player typed can move a cursor or change a colour on
 * anyone's screen.
 */
public final class AnsiRenderer {

    private static final String RESET = "\u001b[0m";
    private static final Map<String, String> EMPHASIS = Map.of("bold", "1", "italic", "3", "underline", "4");

    private AnsiRenderer() {}

    public static String render(String markup, ColourDepth depth) {
        StringBuilder out = new StringBuilder(markup.length() + 16);
        Deque<String> styles = new ArrayDeque<>();
        for (MarkupToken token : Markup.parse(markup)) {
            if (token instanceof MarkupToken.Text text) {
                appendData(out, text.text());
            } else if (depth == ColourDepth.NONE) {
                continue;
            } else if (token instanceof MarkupToken.End) {
                if (styles.isEmpty()) {
                    continue;
                }
                styles.pop();
                out.append(RESET);
                styles.descendingIterator().forEachRemaining(sgr -> sgr(out, sgr));
            } else {
                String sgr = sgrFor(token, depth);
                styles.push(sgr);
                sgr(out, sgr);
            }
        }
        if (!styles.isEmpty()) {
            out.append(RESET);
        }
        return out.toString();
    }

    private static String sgrFor(MarkupToken token, ColourDepth depth) {
        if (token instanceof MarkupToken.Colour c) {
            return Palette.foreground(c.name(), depth);
        }
        if (token instanceof MarkupToken.Emphasis e) {
            return EMPHASIS.get(e.name());
        }
        return EMPHASIS.get("underline"); // a link: underlined, as terminals show links
    }

    private static void sgr(StringBuilder out, String params) {
        out.append("\u001b[").append(params).append('m');
    }

    private static void appendData(StringBuilder out, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\t' || Printable.is(c)) {
                out.append(c);
            }
        }
    }
}
