package org.mudbackbone.gateway.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class WordWrapTest {

    @Test
    void wrapsBetweenWordsAtTheWidth() {
        assertEquals("the quick brown\nfox jumps over\nthe lazy dog", WordWrap.wrap("the quick brown fox jumps over the lazy dog", 15));
    }

    @Test
    void escapeSequencesTakeNoRoom() {
        String red = "\u001b[31mquick\u001b[0m";
        assertEquals("the " + red + " brown\nfox", WordWrap.wrap("the " + red + " brown fox", 15));
    }

    @Test
    void longWordsAreCutAndLineBreaksKept() {
        assertEquals("abcdefghij\nklm\nnext line", WordWrap.wrap("abcdefghijklm\nnext line", 10));
    }
}
