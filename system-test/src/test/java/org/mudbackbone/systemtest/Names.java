package org.mudbackbone.systemtest;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Character names for tests, and the numbered lines players say in them. */
final class Names {

    private static final Pattern SAID = Pattern.compile("says, \"line (\\d+)\"");

    private Names() {}

    /** Letters only, as names must be; unique so that runs on a shared broker do not collide. */
    static String unique(String prefix) {
        Random random = new Random();
        StringBuilder name = new StringBuilder(prefix);
        for (int i = 0; i < 6; i++) {
            name.append((char) ('a' + random.nextInt(26)));
        }
        return name.toString();
    }

    /** The numbers of every {@code says, "line N"} in {@code text}, in order. */
    static List<Integer> linesSaid(String text) {
        List<Integer> numbers = new ArrayList<>();
        Matcher m = SAID.matcher(text);
        while (m.find()) {
            numbers.add(Integer.parseInt(m.group(1)));
        }
        return numbers;
    }

    /** 1, 2, ... {@code n}. */
    static List<Integer> oneTo(int n) {
        List<Integer> numbers = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            numbers.add(i);
        }
        return numbers;
    }
}
