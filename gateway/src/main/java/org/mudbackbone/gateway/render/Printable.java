package org.mudbackbone.gateway.render;

/**
 * Which characters may reach a screen as data: not C0 controls (ESC among them), DEL or C1, and not
 * the Unicode bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), with
 * which a player could reverse how the rest of someone else's line reads. Player input is cleaned
 * with it, and every renderer treats text with it, so no typed character can act as a terminal
 * command or rearrange another player's screen.
 */
public final class Printable {

    private Printable() {}

    public static boolean is(char c) {
        return c >= 0x20 && c != 0x7f && (c < 0x80 || c > 0x9f)
                && (c < 0x202a || c > 0x202e) && (c < 0x2066 || c > 0x2069);
    }
}
