package org.mudbackbone.bench.telnet;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Splits what a telnet server sends into lines of text, one byte at a time, so that a command or a
 * line split across reads is joined again. Telnet commands are taken out of the text; every option
 * the server offers or asks for is refused, which ends its negotiation at once instead of after its
 * timeout, and the client stays a plain line-mode one (no compression, no GMCP to parse).
 *
 * <p>Not thread-safe: one per connection, fed from its event loop.
 */
public final class TelnetLineReader {

    static final int IAC = 255;
    static final int DONT = 254;
    static final int DO = 253;
    static final int WONT = 252;
    static final int WILL = 251;
    static final int SB = 250;
    static final int SE = 240;

    /** A line longer than this is cut: a server that never sends a newline must not grow us without end. */
    static final int MAX_LINE_BYTES = 64 * 1024;

    private enum State { DATA, IAC, VERB, SUB, SUB_IAC }

    private final Consumer<String> lines;
    private final Consumer<byte[]> replies;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(128);
    private State state = State.DATA;
    private int verb;

    /**
     * @param lines   receives each complete line, without its line end and with ANSI escapes removed
     * @param replies receives the bytes to send back (refusals of options)
     */
    public TelnetLineReader(Consumer<String> lines, Consumer<byte[]> replies) {
        this.lines = lines;
        this.replies = replies;
    }

    /** Feeds one byte (0–255). */
    public void accept(int b) {
        switch (state) {
            case DATA -> {
                if (b == IAC) {
                    state = State.IAC;
                } else {
                    text(b);
                }
            }
            case IAC -> {
                if (b == IAC) {
                    text(b); // an escaped 255 is data
                    state = State.DATA;
                } else if (b >= WILL && b <= DONT) {
                    verb = b;
                    state = State.VERB;
                } else {
                    state = b == SB ? State.SUB : State.DATA; // GA, EOR, NOP...: nothing to do
                }
            }
            case VERB -> {
                refuse(verb, b);
                state = State.DATA;
            }
            case SUB -> state = b == IAC ? State.SUB_IAC : State.SUB;
            case SUB_IAC -> state = b == SE ? State.DATA : State.SUB;
        }
    }

    /** Feeds {@code length} bytes of {@code bytes} from {@code offset}. */
    public void accept(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            accept(bytes[i] & 0xff);
        }
    }

    private void refuse(int verb, int option) {
        // DO -> WONT, WILL -> DONT; a DONT or WONT needs no answer (we never enabled anything)
        if (verb == DO) {
            replies.accept(new byte[] {(byte) IAC, (byte) WONT, (byte) option});
        } else if (verb == WILL) {
            replies.accept(new byte[] {(byte) IAC, (byte) DONT, (byte) option});
        }
    }

    private void text(int b) {
        if (b == '\n') {
            lines.accept(AnsiText.strip(line.toString(StandardCharsets.UTF_8)));
            line.reset();
        } else if (b != '\r' && line.size() < MAX_LINE_BYTES) {
            line.write(b);
        }
    }
}
