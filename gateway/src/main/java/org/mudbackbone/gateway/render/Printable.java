package org.mudbackbone.gateway.render;

/**
 * Which characters may reach a screen as data: not C0 controls (ESC among them), DEL or C1. Player
 * input is cleaned with it, and every renderer treats text with it, so no typed byte can act as a
 * terminal command.
 */
public final class Printable {

    private Printable() {}

    public static boolean is(char c) {
        return c >= 0x20 && c != 0x7f && (c < 0x80 || c > 0x9f);
    }
}
