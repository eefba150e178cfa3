package org.mudbackbone.bench.telnet;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a player says for its numbered lines, and how it finds their answers in its own stream.
 *
 * <ul>
 *   <li>{@link #SAY}: {@code say n-<player>-<k>} comes back to the sayer as {@code You say, "n-<player>-<k>"};
 *       others in the room see {@code <Name> says, ...}, which does not match, so a player counts only
 *       its own lines, and everyone in the room hears everyone (fan-out).</li>
 *   <li>{@link #PING}: {@code help n-<player>-<k>} is answered to its sender only, as
 *       {@code No help on n-<player>-<k>.}: a command that changes nothing in the game.</li>
 * </ul>
 */
public enum EchoMatcher {
    SAY("say ", "You say, \""),
    PING("help ", "No help on ");

    private final String verb;
    private final String answer;
    private final Pattern echo;

    EchoMatcher(String verb, String answer) {
        this.verb = verb;
        this.answer = answer;
        this.echo = Pattern.compile(Pattern.quote(answer) + "n-(\\d{1,9})-(\\d{1,9})");
    }

    /** {@code say} or {@code ping}, as given on the command line. */
    public static EchoMatcher named(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    /** The text a player sends for its {@code k}-th line. */
    public String command(int player, int k) {
        return verb + "n-" + player + "-" + k;
    }

    /**
     * The number {@code k} of the answered line if {@code line} (ANSI already removed) answers a
     * line sent by {@code player}; -1 if it answers nothing; -2 if it answers another player's line
     * (which would mean the server sent someone's answer to the wrong session).
     */
    public int echoedNumber(String line, int player) {
        if (line.indexOf(answer) < 0) {
            return -1; // the cheap test first: most lines are no answer
        }
        Matcher m = echo.matcher(line);
        if (!m.find()) {
            return -1;
        }
        return Integer.parseInt(m.group(1)) == player ? Integer.parseInt(m.group(2)) : -2;
    }
}
