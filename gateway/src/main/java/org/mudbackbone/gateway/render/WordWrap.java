package org.mudbackbone.gateway.render;

/**
 * Wraps rendered text at a width, between words, counting only what shows: SGR escape sequences
 * take no room. A word longer than a line is cut.
 */
public final class WordWrap {

    private WordWrap() {}

    public static String wrap(String text, int width) {
        if (width < 10) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        String[] lines = text.split("\n", -1);
        for (int l = 0; l < lines.length; l++) {
            if (l > 0) {
                out.append('\n');
            }
            wrapLine(lines[l], width, out);
        }
        return out.toString();
    }

    private static void wrapLine(String line, int width, StringBuilder out) {
        int column = 0;
        int i = 0;
        while (i < line.length()) {
            int end = line.indexOf(' ', i);
            if (end < 0) {
                end = line.length();
            }
            String word = line.substring(i, end);
            int visible = visibleLength(word);
            if (column > 0 && column + 1 + visible > width) {
                out.append('\n');
                column = 0;
            } else if (column > 0 || (i > 0 && visible == 0 && end < line.length())) {
                out.append(' ');
                column++;
            }
            column = appendCut(word, width, column, out);
            i = end + 1;
        }
    }

    /** Appends a word, cutting it where it passes the width; returns the new column. */
    private static int appendCut(String word, int width, int column, StringBuilder out) {
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c == '\u001b') {
                int m = word.indexOf('m', i);
                int stop = m < 0 ? word.length() : m + 1;
                out.append(word, i, stop);
                i = stop - 1;
                continue;
            }
            if (column >= width) {
                out.append('\n');
                column = 0;
            }
            out.append(c);
            if (!Character.isLowSurrogate(c)) {
                column++;
            }
        }
        return column;
    }

    static int visibleLength(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\u001b') {
                int m = s.indexOf('m', i);
                i = m < 0 ? s.length() : m;
            } else if (!Character.isLowSurrogate(c)) {
                n++;
            }
        }
        return n;
    }
}
