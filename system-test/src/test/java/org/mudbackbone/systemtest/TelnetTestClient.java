package org.mudbackbone.systemtest;


import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A scripted player on a raw socket: it records telnet commands it receives (and answers none),
 * keeps the text with ANSI colours stripped, and waits, bounded, for text to appear.
 */
final class TelnetTestClient implements AutoCloseable {

    static final Duration WAIT = Waits.ANSWER;

    private final Socket socket;
    private final Thread reader;
    private final ByteArrayOutputStream data = new ByteArrayOutputStream();
    private final List<String> commands = new ArrayList<>();
    /** Each complete line of text received, with when it arrived: for tests that measure gaps. */
    private final List<TimedLine> lines = new ArrayList<>();
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private int cursor;

    TelnetTestClient(int port) throws IOException {
        this(port, null);
    }

    /** @param from the local address to connect from (one of 127.0.0.x), or null for any */
    TelnetTestClient(int port, String from) throws IOException {
        socket = from == null ? new Socket("127.0.0.1", port)
                : new Socket(java.net.InetAddress.getByName("127.0.0.1"), port, java.net.InetAddress.getByName(from), 0);
        socket.setTcpNoDelay(true);
        reader = new Thread(this::read, "telnet-test-client");
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        try (InputStream in = new java.io.BufferedInputStream(socket.getInputStream())) { // a read(2) per byte would cost more than the server under test
            int state = 0; // 0 data, 1 after IAC, 2 after verb, 3 in SB, 4 IAC in SB
            int verb = 0;
            for (int b; (b = in.read()) >= 0; ) {
                synchronized (this) {
                    switch (state) {
                        case 0 -> {
                            if (b == 255) {
                                state = 1;
                            } else {
                                write(b);
                            }
                        }
                        case 1 -> {
                            if (b == 255) {
                                write(b);
                                state = 0;
                            } else if (b >= 251 && b <= 254) {
                                verb = b;
                                state = 2;
                            } else {
                                state = b == 250 ? 3 : 0;
                            }
                        }
                        case 2 -> {
                            commands.add(name(verb) + " " + b);
                            state = 0;
                        }
                        case 3 -> state = b == 255 ? 4 : 3;
                        default -> state = b == 240 ? 0 : 3;
                    }
                }
            }
        } catch (IOException e) {
            // closed
        }
    }

    /** A line of text as received (colours removed), and {@link System#nanoTime()} at its end. */
    record TimedLine(long nanos, String text) {}

    private void write(int b) {
        data.write(b);
        if (b == '\n') {
            lines.add(new TimedLine(System.nanoTime(), stripColours(line.toString(StandardCharsets.UTF_8)).strip()));
            line.reset();
        } else {
            line.write(b);
        }
    }

    private static String stripColours(String s) {
        return s.replaceAll("\u001b\\[[0-9;]*m", "");
    }

    /** Every complete line received so far, with its arrival time. */
    synchronized List<TimedLine> lines() {
        return List.copyOf(lines);
    }

    private static String name(int verb) {
        return switch (verb) {
            case 251 -> "WILL";
            case 252 -> "WONT";
            case 253 -> "DO";
            default -> "DONT";
        };
    }

    /** Everything received so far as text, colours removed. */
    synchronized String text() {
        return stripColours(data.toString(StandardCharsets.UTF_8));
    }

    /** Waits for {@code expected} after the previous match, and moves past it. */
    void awaitText(String expected) {
        Waits.until("'" + expected + "' on screen", WAIT, () -> text().indexOf(expected, cursor) >= 0, this::tail);
        cursor = text().indexOf(expected, cursor) + expected.length();
    }

    private String tail() {
        String all = text();
        return all.substring(Math.max(0, all.length() - 400));
    }

    synchronized List<String> commands() {
        return List.copyOf(commands);
    }

    void awaitCommand(String command) {
        Waits.until(command + " received", WAIT, () -> commands().contains(command), () -> commands().toString());
    }

    void send(String line) {
        try {
            socket.getOutputStream().write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes bytes as they are, in one write: a burst, or bytes no line would carry. */
    void sendRaw(byte[] bytes) {
        try {
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean closedByServer() {
        return !reader.isAlive();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
