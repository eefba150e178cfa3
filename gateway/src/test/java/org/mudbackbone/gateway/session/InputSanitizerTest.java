package org.mudbackbone.gateway.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class InputSanitizerTest {

    @Test
    void removesControlCharactersAndKeepsUnicode() {
        assertEquals("say h\u00e9llo [31mred", InputSanitizer.clean("say h\u00e9llo\t\u001b[31mred\u0007\u009b "));
    }

    @Test
    void removesBidirectionalOverridesAndIsolatesThatWouldReorderAnotherPlayersLine() {
        assertEquals("say evil txt.exe", InputSanitizer.clean("say evil \u202etxt.exe\u202c"));
        assertEquals("say ab", InputSanitizer.clean("say \u2066a\u2069b\u202a"));
        assertEquals("say \u05e9\u05dc\u05d5\u05dd", InputSanitizer.clean("say \u05e9\u05dc\u05d5\u05dd"),
                "right-to-left text itself is kept");
    }
}
