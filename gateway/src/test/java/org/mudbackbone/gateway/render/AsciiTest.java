package org.mudbackbone.gateway.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AsciiTest {

    @Test
    void foldsAccentsAndReplacesTheRest() {
        assertEquals("Cafe creme ? ?", Ascii.fold("Caf\u00e9 cr\u00e8me \u2603 \ud83d\ude00"));
    }
}
