package org.mudbackbone.bench.telnet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EchoMatcherTest {

    @Test
    void matchesOnlyThePlayersOwnEcho() {
        assertEquals(17, EchoMatcher.SAY.echoedNumber("You say, \"n-4-17\"", 4));
        assertEquals(-2, EchoMatcher.SAY.echoedNumber("You say, \"n-5-17\"", 4));
        assertEquals(-1, EchoMatcher.SAY.echoedNumber("Abcdefa says, \"n-4-17\"", 4));
        assertEquals(-1, EchoMatcher.SAY.echoedNumber("Town Square", 4));
    }

    @Test
    void findsTheEchoAfterAPromptLeftOnTheSameLine() {
        assertEquals(3, EchoMatcher.SAY.echoedNumber("> You say, \"n-0-3\"", 0));
    }

    @Test
    void stripsColoursBeforeMatching() {
        assertEquals(2, EchoMatcher.SAY.echoedNumber(AnsiText.strip("You say, \"\u001b[33mn-1-2\u001b[0m\""), 1));
        assertEquals("bold", AnsiText.strip("\u001b[1;38;5;208mbold\u001b[0m"));
    }

    @Test
    void theCommandSaysWhatTheEchoMatches() {
        assertEquals("say n-12-345", EchoMatcher.SAY.command(12, 345));
        assertEquals("help n-12-345", EchoMatcher.PING.command(12, 345));
    }

    @Test
    void aPingIsAnsweredByTheHelpCommandsRefusal() {
        assertEquals(9, EchoMatcher.PING.echoedNumber("No help on n-3-9.", 3));
        assertEquals(-1, EchoMatcher.PING.echoedNumber("You say, \"n-3-9\"", 3));
        assertEquals(EchoMatcher.PING, EchoMatcher.named("ping"));
    }
}
