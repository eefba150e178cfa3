package org.mudbackbone.bench.telnet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TelnetLineReaderTest {

    private final List<String> lines = new ArrayList<>();
    private final ByteArrayOutputStream replies = new ByteArrayOutputStream();
    private final TelnetLineReader reader = new TelnetLineReader(lines::add, replies::writeBytes);

    @Test
    void findsTheColouredEchoBetweenNegotiationsAndRefusesEveryOption() {
        // given the server's opening offers (WILL ECHO-like, DO NAWS), a subnegotiation, then the echo
        ByteArrayOutputStream in = new ByteArrayOutputStream();
        in.writeBytes(new byte[] {(byte) 255, (byte) 251, 86, (byte) 255, (byte) 253, 31});
        in.writeBytes(new byte[] {(byte) 255, (byte) 250, 24, 1, (byte) 255, (byte) 240});
        in.writeBytes("You say, \"\u001b[33mn-1-2\u001b[0m\"\r\n".getBytes(StandardCharsets.UTF_8));
        byte[] bytes = in.toByteArray();

        // when it arrives split in two reads, one inside the first command
        reader.accept(bytes, 0, 2);
        reader.accept(bytes, 2, bytes.length - 2);

        // then the line is whole and plain, and the offers were refused
        assertEquals(List.of("You say, \"n-1-2\""), lines);
        assertEquals(2, EchoMatcher.SAY.echoedNumber(lines.get(0), 1));
        assertArrayEquals(new byte[] {(byte) 255, (byte) 254, 86, (byte) 255, (byte) 252, 31}, replies.toByteArray());
    }

    @Test
    void keepsAnEscapedIacAsDataAndIgnoresGoAhead() {
        reader.accept(new byte[] {'a', (byte) 255, (byte) 255, 'b', (byte) 255, (byte) 249, '\n'}, 0, 7);

        assertEquals(List.of("a\uFFFDb"), lines); // 255 alone is no UTF-8: it decodes as the replacement character
        assertEquals(0, replies.size());
    }
}
