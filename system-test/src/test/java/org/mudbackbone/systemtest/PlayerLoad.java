package org.mudbackbone.systemtest;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scripted telnet players who each say numbered lines ({@code say n-<player>-<k>}) on a fixed beat,
 * whatever the world is doing, and the count of what came back: every player must see each of its
 * own lines echoed exactly once, in order.
 */
final class PlayerLoad implements AutoCloseable {

    private static final Pattern ECHO = Pattern.compile("You say, \"n-(\\d+)-(\\d+)\"");

    /** Lost, duplicated and out-of-order echoes over all players, and how many lines were sent. */
    record Counts(long sent, long lost, long duplicated, long outOfOrder, List<String> firstLost, String screen) {
        @Override
        public String toString() {
            return "sent " + sent + ", lost " + lost + ", duplicated " + duplicated + ", out of order " + outOfOrder
                    + (firstLost.isEmpty() ? "" : " (first lost: " + firstLost + "; that player's screen ends: " + screen + ")");
        }
    }

    private final List<TelnetTestClient> players = new ArrayList<>();
    private final int[] sent;
    /** When each numbered line was typed (wall clock, ms), by its text {@code n-<player>-<k>}. */
    private final Map<String, Long> typedAt = new ConcurrentHashMap<>();
    private final ScheduledExecutorService beat = Executors.newSingleThreadScheduledExecutor();

    /** Connects and creates {@code count} characters. */
    PlayerLoad(int port, int count, String namePrefix) throws Exception {
        sent = new int[count];
        for (int i = 0; i < count; i++) {
            TelnetTestClient player = new TelnetTestClient(port);
            players.add(player);
            player.send("create " + name(namePrefix, i) + " " + password(i));
        }
        for (TelnetTestClient player : players) {
            player.awaitText("Town Square");
        }
    }

    /** The name of player {@code i}. */
    static String name(String prefix, int i) {
        return prefix + letters(i);
    }

    static String password(int i) {
        return "password-" + i;
    }

    /** Letters only, as names must be: 0 -> "a", 27 -> "bb". */
    private static String letters(int i) {
        StringBuilder s = new StringBuilder();
        do {
            s.append((char) ('a' + i % 26));
            i /= 26;
        } while (i > 0);
        return s.reverse().append('x').toString();
    }

    /** Every player says its next numbered line every {@code periodMs}, until {@link #stopSaying()}. */
    void startSaying(long periodMs) {
        beat.scheduleAtFixedRate(() -> {
            for (int i = 0; i < players.size(); i++) {
                String line = "n-" + i + "-" + sent[i]++;
                typedAt.put(line, System.currentTimeMillis());
                players.get(i).send("say " + line);
            }
        }, 0, periodMs, TimeUnit.MILLISECONDS);
    }

    void stopSaying() throws InterruptedException {
        beat.shutdown();
        beat.awaitTermination(10, TimeUnit.SECONDS);
    }

    /** Waits (bounded) until every player has seen the echo of its last line, then counts. */
    Counts awaitAndCount(Duration atMost) {
        try {
            await().atMost(atMost).pollInterval(Duration.ofMillis(200)).until(() -> {
                for (int i = 0; i < players.size(); i++) {
                    if (sent[i] > 0 && !players.get(i).text().contains("You say, \"n-" + i + "-" + (sent[i] - 1) + "\"")) {
                        return false;
                    }
                }
                return true;
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            // count what did arrive: the counts say what is missing
        }
        return count();
    }

    Counts count() {
        long total = 0;
        long lost = 0;
        long duplicated = 0;
        long outOfOrder = 0;
        List<String> firstLost = new ArrayList<>();
        String screen = "";
        for (int i = 0; i < players.size(); i++) {
            boolean[] seen = new boolean[sent[i]];
            int last = -1;
            Matcher m = ECHO.matcher(players.get(i).text());
            while (m.find()) {
                int player = Integer.parseInt(m.group(1));
                int k = Integer.parseInt(m.group(2));
                if (player != i || k >= seen.length) {
                    continue; // not this player's line: another's echo can never reach it, but be sure
                }
                if (seen[k]) {
                    duplicated++;
                } else {
                    seen[k] = true;
                }
                if (k < last) {
                    outOfOrder++;
                }
                last = Math.max(last, k);
            }
            for (int k = 0; k < seen.length; k++) {
                if (!seen[k]) {
                    lost++;
                    if (firstLost.size() < 10) {
                        firstLost.add("n-" + i + "-" + k);
                    }
                    if (screen.isEmpty()) {
                        String text = players.get(i).text();
                        screen = text.substring(Math.max(0, text.length() - 1500));
                    }
                }
            }
            total += sent[i];
        }
        return new Counts(total, lost, duplicated, outOfOrder, firstLost, screen);
    }

    /** Players whose connection the gateway closed. */
    long dropped() {
        return players.stream().filter(TelnetTestClient::closedByServer).count();
    }

    /** When the line {@code n-<player>-<k>} was typed (wall clock, ms), if it was. */
    Long typedAt(String line) {
        return typedAt.get(line);
    }

    List<TelnetTestClient> players() {
        return players;
    }

    @Override
    public void close() throws Exception {
        beat.shutdownNow();
        for (TelnetTestClient player : players) {
            player.close();
        }
    }
}
