package org.mudbackbone.gateway.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.mudbackbone.broker.markup.Markup;

class AnsiRendererTest {

    @Test
    void coloursNestAndRestore() {
        assertEquals("\u001b[31ma \u001b[1mb\u001b[0m\u001b[31m c\u001b[0m",
                AnsiRenderer.render("{red}a {bold}b{/} c{/}", ColourDepth.ANSI16));
    }

    @Test
    void withoutColourOnlyTextRemains() {
        assertEquals("a b c", AnsiRenderer.render("{red}a {bold}b{/} c{/}", ColourDepth.NONE));
    }

    @Test
    void rgbIsShownAsSuchOrDownsampledNeverDropped() {
        assertEquals("\u001b[38;2;255;136;0mx\u001b[0m", AnsiRenderer.render("{#ff8800}x{/}", ColourDepth.TRUECOLOR));
        assertEquals("\u001b[38;5;208mx\u001b[0m", AnsiRenderer.render("{#ff8800}x{/}", ColourDepth.XTERM256));
        assertEquals("\u001b[93mx\u001b[0m", AnsiRenderer.render("{#ffff33}x{/}", ColourDepth.ANSI16));
        assertEquals("\u001b[33mx\u001b[0m", AnsiRenderer.render("{#ffcc00}x{/}", ColourDepth.ANSI16));
        assertEquals("\u001b[38;5;244mx\u001b[0m", AnsiRenderer.render("{#808080}x{/}", ColourDepth.XTERM256));
        assertEquals("x", AnsiRenderer.render("{#ff8800}x{/}", ColourDepth.NONE));
    }

    @Test
    void namedColoursAreTheSameAtEveryDepth() {
        assertEquals("\u001b[96mx\u001b[0m", AnsiRenderer.render("{bright-cyan}x{/}", ColourDepth.TRUECOLOR));
    }

    @Test
    void escapeSequencesInPlayerTextAreDropped() {
        String typed = "hi \u001b[2J\u001b]0;pwned\u0007 {red}";
        assertEquals("hi [2J]0;pwned {red}", AnsiRenderer.render(Markup.escape(typed), ColourDepth.TRUECOLOR));
    }
}
