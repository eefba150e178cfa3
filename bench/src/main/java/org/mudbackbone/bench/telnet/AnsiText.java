package org.mudbackbone.bench.telnet;

import java.util.regex.Pattern;

/** Removes ANSI escape sequences: the game colours quoted speech, which would hide the echo from a plain match. */
public final class AnsiText {

    /** CSI sequences (colours, cursor moves) and the two-byte escapes. */
    private static final Pattern ESCAPE = Pattern.compile("\u001b(?:\\[[0-?]*[ -/]*[@-~]|[@-Z\\\\-_])");

    private AnsiText() {}

    public static String strip(String text) {
        return text.indexOf('\u001b') < 0 ? text : ESCAPE.matcher(text).replaceAll("");
    }
}
