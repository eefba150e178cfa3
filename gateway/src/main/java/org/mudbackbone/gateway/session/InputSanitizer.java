package org.mudbackbone.gateway.session;

import org.mudbackbone.gateway.render.Printable;

/**
 * Makes a typed line plain data: control characters (C0 but tab, DEL, C1, and with them ESC and
 * any ANSI sequence they would start) are removed and tabs become spaces. Markup needs no
 * treatment here: the world escapes player text wherever it places it.
 */
public final class InputSanitizer {

    private InputSanitizer() {}

    public static String clean(String line) {
        StringBuilder out = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\t') {
                out.append(' ');
            } else if (Printable.is(c)) {
                out.append(c);
            }
        }
        return out.toString().strip();
    }
}
