package org.mudbackbone.bench.player;

import java.security.SecureRandom;
import java.util.Random;

/**
 * Names for one run: a random prefix of letters, then the player's index written in letters
 * (names are 2 to 20 letters). The prefix keeps runs apart, since each run creates new accounts
 * in a world that keeps the old ones.
 */
public final class PlayerNames {

    static final int PREFIX_LETTERS = 6;

    private final String prefix;

    private PlayerNames(String prefix) {
        this.prefix = prefix;
    }

    /** Names under a fresh random prefix. */
    public static PlayerNames random() {
        return withRandom(new SecureRandom());
    }

    static PlayerNames withRandom(Random random) {
        StringBuilder s = new StringBuilder(PREFIX_LETTERS);
        s.append((char) ('A' + random.nextInt(26)));
        while (s.length() < PREFIX_LETTERS) {
            s.append((char) ('a' + random.nextInt(26)));
        }
        return new PlayerNames(s.toString());
    }

    /** Names under a given prefix (letters only). */
    public static PlayerNames withPrefix(String prefix) {
        if (!prefix.matches("[A-Za-z]{1,12}")) {
            throw new IllegalArgumentException("a name prefix is 1 to 12 letters: " + prefix);
        }
        return new PlayerNames(prefix);
    }

    public String prefix() {
        return prefix;
    }

    /** The name of player {@code index}: the prefix, then the index in base 26 with 'a' for 0 ("ba" is 26). */
    public String name(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("negative index " + index);
        }
        StringBuilder digits = new StringBuilder();
        int i = index;
        do {
            digits.append((char) ('a' + i % 26));
            i /= 26;
        } while (i > 0);
        return prefix + digits.reverse();
    }

    /** A password per player: it only has to be accepted, never guessed. */
    public String password(int index) {
        return "load-" + prefix.toLowerCase() + "-" + index;
    }
}
