package org.mudbackbone.systemtest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Real MUD clients run as processes: found on this machine, or the test that needs one is skipped. */
final class RealClients {

    private RealClients() {}

    /** The program, if installed (Debian puts TinTin++ in /usr/games). */
    static Optional<Path> find(String name) {
        for (String dir : (System.getenv("PATH") + ":/usr/games").split(":")) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Runs a command to its end (bounded), feeding {@code input} (may be null); returns what it printed. */
    static String run(List<String> command, String input, long timeoutSeconds) throws IOException, InterruptedException {
        return run(command, input, timeoutSeconds, java.util.Map.of());
    }

    static String run(List<String> command, String input, long timeoutSeconds, java.util.Map<String, String> env)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        if (input != null) {
            process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        }
        process.getOutputStream().close(); // a client waiting on its standard input would never end
        byte[][] output = new byte[1][];
        Thread reader = new Thread(() -> {
            try {
                output[0] = process.getInputStream().readAllBytes();
            } catch (IOException e) {
                output[0] = new byte[0];
            }
        });
        reader.start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        reader.join(5000);
        return new String(output[0] == null ? new byte[0] : output[0], StandardCharsets.UTF_8);
    }
}
