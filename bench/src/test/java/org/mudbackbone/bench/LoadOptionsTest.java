package org.mudbackbone.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LoadOptionsTest {

    @Test
    void eachProtocolConnectsToItsOwnPort() {
        String[] stack = {"--telnet-port", "14000", "--web-port", "14080", "--http-port", "14090"};
        assertEquals("telnet://127.0.0.1:14000", LoadOptions.parse(stack).target());
        assertEquals("ws://127.0.0.1:14080/ws", LoadOptions.parse(concat(stack, "--protocol", "websocket")).target());
        assertEquals("http://127.0.0.1:14090/api/v1", LoadOptions.parse(concat(stack, "--protocol", "HTTP")).target());
    }

    @Test
    void anExplicitPortIsTheChosenProtocolsWhereverItIsGiven() {
        assertEquals(5000, LoadOptions.parse("--port", "5000", "--protocol", "http", "--http-port", "14090").port());
        assertEquals(4080, LoadOptions.parse("--protocol", "websocket").port());
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
