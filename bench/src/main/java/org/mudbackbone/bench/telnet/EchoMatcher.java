package org.mudbackbone.bench.telnet;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the echo of a numbered line in a player's own stream: {@code say n-<player>-<k>} comes back
 * to the sayer as {@code You say, "n-<player>-<k>"}. Others in the room see {@code <Name> says, ...},
 * which does not match, so a player counts only its own lines.
 */
public final class EchoMatcher {

    private static final Pattern ECHO = Pattern.compile("You say, \"n-(\\d{1,9})-(\\d{1,9})\"");

    private EchoMatcher() {}

    /** The text a player says for its {@code k}-th line. */
    public static String command(int player, int k) {
        return "say n-" + player + "-" + k;
    }

    /**
     * The number {@code k} of the echoed line if {@code line} (ANSI already removed) is the echo of a
     * line said by {@code player}; -1 if it is no echo; -2 if it is the echo of another player's line
     * (which would mean the server sent someone's echo to the wrong session).
     */
    public static int echoedNumber(String line, int player) {
        if (line.indexOf("You say") < 0) {
            return -1; // the cheap test first: most lines are no echo
        }
        Matcher m = ECHO.matcher(line);
        if (!m.find()) {
            return -1;
        }
        return Integer.parseInt(m.group(1)) == player ? Integer.parseInt(m.group(2)) : -2;
    }
}
