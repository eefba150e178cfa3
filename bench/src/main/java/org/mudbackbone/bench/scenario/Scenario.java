package org.mudbackbone.bench.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * One standard load, as the load generator's options, run against the world and against the floor.
 *
 * @param name    its letter and what it is
 * @param goal    what the issue asks of it, in words, or empty
 * @param options the load generator's options (the port is added per target)
 * @param protocol how its players connect: 0 telnet, 1 WebSocket, 2 HTTP (an index into each target's ports)
 */
public record Scenario(String name, String goal, List<String> options, int protocol) {

    static final String[] PROTOCOLS = {"telnet", "websocket", "http"};

    /** The options for a run against {@code port}, with its JSON report in {@code json}. */
    public List<String> against(int port, String json) {
        List<String> all = new ArrayList<>(options);
        all.addAll(List.of("--port", String.valueOf(port), "--json", json));
        return all;
    }

    static Scenario of(String name, String goal, int players, double rate, String command, int seconds) {
        return over(0, name, goal, players, rate, command, seconds);
    }

    /** As {@link #of}, with players connecting by protocol {@code protocol}. */
    static Scenario over(int protocol, String name, String goal, int players, double rate, String command, int seconds) {
        return new Scenario(name, goal, List.of("--protocol", PROTOCOLS[protocol], "--players", String.valueOf(players),
                "--rate", String.valueOf(rate), "--command", command, "--duration", String.valueOf(seconds),
                "--warmup", "5", "--drain", "15"), protocol);
    }
}
