package org.mudbackbone.broker.markup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class MarkupTest {

    @Test
    void parsesNestedTags() {
        assertEquals(List.of(
                new MarkupToken.Colour("red"), new MarkupToken.Text("a "),
                new MarkupToken.Emphasis("bold"), new MarkupToken.Text("b"), new MarkupToken.End(),
                new MarkupToken.End(), new MarkupToken.Link("north"), new MarkupToken.Text("n"), new MarkupToken.End()),
                Markup.parse("{red}a {bold}b{/}{/}{link:north}n{/}"));
    }

    @Test
    void escapedPlayerTextStaysText() {
        String typed = "{red}x{/} {{ {link:quit}";
        assertEquals(List.of(new MarkupToken.Text(typed)), Markup.parse(Markup.escape(typed)));
    }

    @Test
    void unknownOrUnclosedTagsAreText() {
        assertEquals(List.of(new MarkupToken.Text("{blink}x{ y")), Markup.parse("{blink}x{ y"));
        assertEquals("a{b", Markup.plain("a{b"));
    }

    @Test
    void plainDropsTags() {
        assertEquals("Exits: north", Markup.plain("{cyan}Exits:{/} " + Markup.link("north", "north")));
    }
}
