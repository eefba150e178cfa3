package org.mudbackbone.gateway.render;

/**
 * Which characters may reach a screen as data: not C0 controls (ESC among them), DEL or C1, and not
 * the Unicode bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), with
 * which a player could reverse how the rest of someone else's line reads, nor the invisible ones
 * (zero-width space, the directional marks U+200E/U+200F, word joiners, U+FEFF) with which two lines
 * or names that look the same are not. The zero-width joiner and non-joiner stay: scripts and emoji
 * need them. Player input is cleaned
 * with it, and every renderer treats text with it, so no typed character can act as a terminal
 * command or rearrange another player's screen.
 */
public final class Printable {

    private Printable() {}

    public static boolean is(char c) {
        return c >= 0x20 && c != 0x7f && (c < 0x80 || c > 0x9f)
                && (c < 0x202a || c > 0x202e) && (c < 0x2066 || c > 0x2069)
                && c != 0x200b && c != 0x200e && c != 0x200f && (c < 0x2060 || c > 0x2064) && c != 0xfeff;
    }

    /**
     * A string a client says about itself (its name, its terminal), as data: only printable
     * characters, at most {@code max} of them; null stays null.
     */
    public static String clean(String s, int max) {
        if (s == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(Math.min(s.length(), max));
        for (int i = 0; i < s.length() && out.length() < max; i++) {
            if (is(s.charAt(i))) {
                out.append(s.charAt(i));
            }
        }
        return out.toString();
    }
}
