package org.mudbackbone.broker.markup;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The one protocol-agnostic markup the world writes and every gateway renders.
 *
 * <pre>
 *   {red}text{/}          a colour (black red green yellow blue magenta cyan white, bright-…)
 *   {#ff8800}text{/}      any colour, as RGB: shown as such where the client can, else the nearest it has
 *   {bold}text{/}         emphasis; also {underline}, {italic}
 *   {link:north}north{/}  a link: text that sends a command when chosen
 *   {{                    a literal "{"
 * </pre>
 *
 * Tags nest and {@code {/}} closes the innermost. A tag this version does not know is kept as
 * literal text. Anything a player typed goes through {@link #escape} before it is placed in markup,
 * so a player can never open a tag in anyone's screen.
 */
public final class Markup {

    public static final Set<String> COLOURS = Set.of(
            "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
            "bright-black", "bright-red", "bright-green", "bright-yellow",
            "bright-blue", "bright-magenta", "bright-cyan", "bright-white");
    public static final Set<String> EMPHASIS = Set.of("bold", "underline", "italic");
    public static final String LINK = "link";
    private static final java.util.regex.Pattern RGB = java.util.regex.Pattern.compile("#[0-9a-fA-F]{6}");

    private Markup() {}

    /** Makes text safe to embed: every "{" becomes "{{". */
    public static String escape(String text) {
        return text.replace("{", "{{");
    }

    /** {@code {tag}text{/}}; {@code text} must already be markup (escape it first if it is not). */
    public static String tag(String tag, String markup) {
        return "{" + tag + "}" + markup + "{/}";
    }

    /** A link that sends {@code command}; the command is escaped, so it may come from a player. */
    public static String link(String command, String markup) {
        return tag(LINK + ":" + command.replace("{", "").replace("}", ""), markup);
    }

    /** Parses markup into tokens. Never fails: anything not understood is text. */
    public static List<MarkupToken> parse(String markup) {
        List<MarkupToken> tokens = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int i = 0;
        while (i < markup.length()) {
            char c = markup.charAt(i);
            if (c != '{') {
                text.append(c);
                i++;
                continue;
            }
            if (i + 1 < markup.length() && markup.charAt(i + 1) == '{') {
                text.append('{');
                i += 2;
                continue;
            }
            int close = markup.indexOf('}', i + 1);
            MarkupToken tag = close < 0 ? null : tagToken(markup.substring(i + 1, close));
            if (tag == null) {
                text.append(c);
                i++;
                continue;
            }
            if (!text.isEmpty()) {
                tokens.add(new MarkupToken.Text(text.toString()));
                text.setLength(0);
            }
            tokens.add(tag);
            i = close + 1;
        }
        if (!text.isEmpty()) {
            tokens.add(new MarkupToken.Text(text.toString()));
        }
        return tokens;
    }

    /** The text alone, tags removed. */
    public static String plain(String markup) {
        StringBuilder out = new StringBuilder();
        for (MarkupToken token : parse(markup)) {
            if (token instanceof MarkupToken.Text text) {
                out.append(text.text());
            }
        }
        return out.toString();
    }

    private static MarkupToken tagToken(String body) {
        if (body.equals("/")) {
            return new MarkupToken.End();
        }
        int colon = body.indexOf(':');
        String name = colon < 0 ? body : body.substring(0, colon);
        String arg = colon < 0 ? null : body.substring(colon + 1);
        if ((COLOURS.contains(name) || RGB.matcher(name).matches()) && arg == null) {
            return new MarkupToken.Colour(name.toLowerCase(java.util.Locale.ROOT));
        }
        if (EMPHASIS.contains(name) && arg == null) {
            return new MarkupToken.Emphasis(name);
        }
        if (LINK.equals(name) && arg != null && !arg.isEmpty()) {
            return new MarkupToken.Link(arg);
        }
        return null;
    }
}
