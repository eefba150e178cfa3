package org.mudbackbone.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.mudbackbone.gateway.session.Session;

/** The client's line numbers: a retry is recognised, a gap or a reused number refused, a flood slowed. */
class HttpSessionTest {

    private final Session session = new Session("s1", "http", "127.0.0.1", null, true);

    @Test
    void numbersCountFromOneAndARetryOfTheSameTextIsARepeat() {
        HttpSession http = new HttpSession(session, new HttpConnection(), 0, 100, 0);

        assertEquals(HttpSession.Verdict.GAP, http.number(2, "look", 0), "the first line is 1");
        assertEquals(HttpSession.Verdict.NEW, http.number(1, "look", 0));
        assertEquals(HttpSession.Verdict.REPEAT, http.number(1, "look", 0));
        assertEquals(HttpSession.Verdict.REUSED, http.number(1, "north", 0));
        assertEquals(HttpSession.Verdict.GAP, http.number(3, "north", 0));
        assertEquals(HttpSession.Verdict.NEW, http.number(2, "north", 0));
    }

    @Test
    void aNumberTooOldToCheckIsRefused() {
        HttpSession http = new HttpSession(session, new HttpConnection(), 0, 1_000, 0);
        for (long seq = 1; seq <= 300; seq++) {
            assertEquals(HttpSession.Verdict.NEW, http.number(seq, "say " + seq, seq * 10));
        }
        assertEquals(HttpSession.Verdict.TOO_OLD, http.number(1, "say 1", 3_010));
        assertEquals(HttpSession.Verdict.REPEAT, http.number(300, "say 300", 3_010));
    }

    @Test
    void aSessionTakenUpHereStartsAtWhateverNumberItsClientIsAt() {
        HttpSession http = new HttpSession(session, new HttpConnection(), -1, 10, 0);
        assertEquals(HttpSession.Verdict.NEW, http.number(41, "look", 0));
        assertEquals(HttpSession.Verdict.NEW, http.number(42, "look", 0));
    }

    @Test
    void aBurstPastTwiceTheRateIsSlowedAndTheRefusedNumberCanBeSentAgain() {
        HttpSession http = new HttpSession(session, new HttpConnection(), 0, 2, 0);
        for (long seq = 1; seq <= 4; seq++) {
            assertEquals(HttpSession.Verdict.NEW, http.number(seq, "look", 0), "a burst of twice the rate");
        }
        assertEquals(HttpSession.Verdict.TOO_FAST, http.number(5, "look", 0));
        assertEquals(HttpSession.Verdict.NEW, http.number(5, "look", 500), "half a second later, at 2 a second");
    }
}
