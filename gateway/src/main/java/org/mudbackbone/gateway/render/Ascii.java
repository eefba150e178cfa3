package org.mudbackbone.gateway.render;

import java.text.Normalizer;

/** Text for a client that takes ASCII only: accents dropped (é to e), anything else becomes '?'. */
public final class Ascii {

    private Ascii() {}

    public static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (c < 0x80) {
                out.append(c);
            } else if (Character.getType(c) == Character.NON_SPACING_MARK || Character.isLowSurrogate(c)) {
                continue;
            } else {
                out.append('?');
            }
        }
        return out.toString();
    }
}
