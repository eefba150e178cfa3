package org.mudbackbone.bench;

import java.nio.file.Path;
import java.time.Duration;
import org.mudbackbone.bench.telnet.EchoMatcher;

/**
 * What a load run does, from the command line. A later option overrides an earlier one, so that
 * the {@code mud} script can pass the stack's port first and the user still choose another.
 *
 * @param protocol          how players connect: telnet, WebSocket (the JSON subprotocol) or the HTTP session API
 * @param host              the gateway's host
 * @param port              its port for that protocol
 * @param players           how many players
 * @param ratePerPlayer     lines each player says per second
 * @param duration          the measured time
 * @param warmup            time before it, sent but not measured (connections settle, JIT warms)
 * @param drain             how long, after the last line, answers are still awaited; later ones are lost
 * @param loginConcurrency  at most this many logins in flight: the gateway hashes each password on a
 *                          small pool, so thousands at once would only time out
 * @param loginTimeout      per player, from connect to the world's welcome
 * @param connectTimeout    for the TCP connect
 * @param sourceAddresses   how many 127.0.0.x addresses to connect from (0: as many as the players need)
 * @param command           what each numbered line is: a {@code say} (heard by the whole room) or a
 *                          {@code ping} (a {@code help} answered to its sender only)
 * @param json              where the JSON report goes
 */
public record LoadOptions(Protocol protocol, String host, int port, int players, double ratePerPlayer, Duration duration, Duration warmup,
                   Duration drain, int loginConcurrency, Duration loginTimeout, Duration connectTimeout,
                   int sourceAddresses, EchoMatcher command, Path json) {

    /** The gateway's three ways in, and the URL or address each player connects to. */
    public enum Protocol { TELNET, WEBSOCKET, HTTP }

    static final String USAGE = """
            usage: mud load [options]
              --protocol telnet|websocket|http   how players connect (telnet); websocket speaks the
                                       JSON subprotocol, http the session API with server-sent events
              --host H                 the gateway's host (127.0.0.1)
              --telnet-port P          (the stack's, 4000)
              --web-port P             WebSocket (the stack's, 4080)
              --http-port P            HTTP session API (the stack's, 4090)
              --port P                 the port of the chosen protocol, whatever it is
              --players N              players (10)
              --rate R[/s]             lines per second per player (1)
              --duration S[s]          measured seconds (30)
              --warmup S[s]            seconds before, not measured (5)
              --drain S[s]             seconds to wait for late answers after the last line (10)
              --login-concurrency N    logins in flight at once (32)
              --login-timeout S[s]     per login (60)
              --connect-timeout S[s]   per TCP connect (10)
              --source-addresses N     spread over 127.0.0.2.. (0: one per 20,000 players on loopback)
              --command say|ping       say (the whole room hears it) or ping (help, answered to the sender only) (say)
              --json FILE              JSON report (load-report.json)""";

    public static LoadOptions parse(String... args) {
        Protocol protocol = Protocol.TELNET;
        String host = "127.0.0.1";
        int[] ports = {4000, 4080, 4090};
        int port = 0;
        int players = 10;
        double rate = 1;
        Duration duration = Duration.ofSeconds(30);
        Duration warmup = Duration.ofSeconds(5);
        Duration drain = Duration.ofSeconds(10);
        int loginConcurrency = 32;
        Duration loginTimeout = Duration.ofSeconds(60);
        Duration connectTimeout = Duration.ofSeconds(10);
        int sourceAddresses = 0;
        EchoMatcher command = EchoMatcher.SAY;
        Path json = Path.of("load-report.json");
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("no value after " + option);
            }
            String value = args[++i];
            switch (option) {
                case "--protocol" -> protocol = Protocol.valueOf(value.toUpperCase(java.util.Locale.ROOT));
                case "--host" -> host = value;
                case "--telnet-port" -> ports[0] = positive(option, Integer.parseInt(value));
                case "--web-port" -> ports[1] = positive(option, Integer.parseInt(value));
                case "--http-port" -> ports[2] = positive(option, Integer.parseInt(value));
                case "--port" -> port = positive(option, Integer.parseInt(value));
                case "--players" -> players = positive(option, Integer.parseInt(value));
                case "--rate" -> rate = rate(value);
                case "--duration" -> duration = seconds(option, value);
                case "--warmup" -> warmup = seconds(option, value);
                case "--drain" -> drain = seconds(option, value);
                case "--login-concurrency" -> loginConcurrency = positive(option, Integer.parseInt(value));
                case "--login-timeout" -> loginTimeout = seconds(option, value);
                case "--connect-timeout" -> connectTimeout = seconds(option, value);
                case "--source-addresses" -> sourceAddresses = Integer.parseInt(value);
                case "--command" -> command = EchoMatcher.named(value);
                case "--json" -> json = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        if (duration.isZero()) {
            throw new IllegalArgumentException("--duration must be more than 0");
        }
        return new LoadOptions(protocol, host, port > 0 ? port : ports[protocol.ordinal()], players, rate, duration, warmup, drain, loginConcurrency,
                loginTimeout, connectTimeout, sourceAddresses, command, json);
    }

    /** Where players connect, as a URL. */
    public String target() {
        return switch (protocol) {
            case TELNET -> "telnet://" + host + ":" + port;
            case WEBSOCKET -> "ws://" + host + ":" + port + "/ws";
            case HTTP -> "http://" + host + ":" + port + "/api/v1";
        };
    }

    /** Lines each player will say: the warm-up and the measured time at the rate. */
    int linesPerPlayer() {
        return (int) Math.ceil(ratePerPlayer * (warmup.toNanos() + duration.toNanos()) / 1e9);
    }

    long periodNanos() {
        return Math.round(1e9 / ratePerPlayer);
    }

    private static int positive(String option, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(option + " must be more than 0: " + value);
        }
        return value;
    }

    private static double rate(String value) {
        double rate = Double.parseDouble(value.endsWith("/s") ? value.substring(0, value.length() - 2) : value);
        if (!(rate > 0) || rate > 1000) {
            throw new IllegalArgumentException("--rate is more than 0 and at most 1000 per second: " + value);
        }
        return rate;
    }

    private static Duration seconds(String option, String value) {
        double s = Double.parseDouble(value.endsWith("s") ? value.substring(0, value.length() - 1) : value);
        if (s < 0) {
            throw new IllegalArgumentException(option + " must not be negative: " + value);
        }
        return Duration.ofNanos(Math.round(s * 1e9));
    }
}
