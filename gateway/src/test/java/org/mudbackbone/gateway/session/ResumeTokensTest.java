package org.mudbackbone.gateway.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class ResumeTokensTest {

    @Test
    void aTokenIs128RandomBitsAndNotTheSessionId() {
        ResumeTokens tokens = new ResumeTokens();
        String token = tokens.issue("session-1");

        assertEquals(16, Base64.getUrlDecoder().decode(token).length);
        assertNotEquals(token, tokens.issue("session-2"));
        assertTrue(!token.contains("session-1"));
    }

    @Test
    void aTokenWorksOnceAndNamesTheTokenThatReplacesIt() {
        ResumeTokens tokens = new ResumeTokens();
        String first = tokens.issue("s1");

        ResumeTokens.Redeemed redeemed = tokens.redeem(first).orElseThrow();

        assertEquals("s1", redeemed.sessionId());
        assertTrue(tokens.redeem(first).isEmpty(), "a used token no longer works");
        assertEquals("s1", tokens.redeem(redeemed.next()).orElseThrow().sessionId());
    }

    @Test
    void unknownOddOrForgottenTokensAreRefused() {
        ResumeTokens tokens = new ResumeTokens();
        String token = tokens.issue("s1");

        assertTrue(tokens.redeem("not-a-token").isEmpty());
        assertTrue(tokens.redeem("").isEmpty());
        assertTrue(tokens.redeem(null).isEmpty());
        assertTrue(tokens.redeem("x".repeat(10_000)).isEmpty());
        tokens.forget("s1");
        assertTrue(tokens.redeem(token).isEmpty());
    }

    @Test
    void issuingAgainRetiresTheSessionsEarlierToken() {
        ResumeTokens tokens = new ResumeTokens();
        String old = tokens.issue("s1");
        String fresh = tokens.issue("s1");

        assertTrue(tokens.redeem(old).isEmpty());
        assertEquals("s1", tokens.redeem(fresh).orElseThrow().sessionId());
    }
}
