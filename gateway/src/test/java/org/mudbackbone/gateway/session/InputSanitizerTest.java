package org.mudbackbone.gateway.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class InputSanitizerTest {

    @Test
    void removesControlCharactersAndKeepsUnicode() {
        assertEquals("say h\u00e9llo [31mred", InputSanitizer.clean("say h\u00e9llo\t\u001b[31mred\u0007\u009b "));
    }
}
