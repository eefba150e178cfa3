package org.mudbackbone.gateway.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.mudbackbone.broker.markup.Markup;

class AnsiRendererTest {

    @Test
    void coloursNestAndRestore() {
        assertEquals("\u001b[31ma \u001b[1mb\u001b[0m\u001b[31m c\u001b[0m",
                AnsiRenderer.render("{red}a {bold}b{/} c{/}", true));
    }

    @Test
    void withoutColourOnlyTextRemains() {
        assertEquals("a b c", AnsiRenderer.render("{red}a {bold}b{/} c{/}", false));
    }

    @Test
    void escapeSequencesInPlayerTextAreDropped() {
        String typed = "hi \u001b[2J\u001b]0;pwned\u0007 {red}";
        assertEquals("hi [2J]0;pwned {red}", AnsiRenderer.render(Markup.escape(typed), true));
    }
}
