package org.mudbackbone.gateway.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SessionTest {

    private final Session session = new Session("s1", "telnet", "127.0.0.1", null);

    private long publish() {
        long seq = session.takeInputSeq();
        session.published(seq);
        return seq;
    }

    @Test
    void inputKeepsItsKeyAfterAnAttachUntilTheWorldHasDoneEverythingSentUnderIt() {
        publish(); // opened
        long secret = publish(); // the password's hash: the world attaches while doing it
        session.attach("char:alice");
        long typedMeanwhile = publish(); // typed before the gateway heard of the attach

        session.inputsDoneUpTo(secret);
        assertEquals("s1", session.inputKey(), "a line under the old key is still waiting");

        session.inputsDoneUpTo(typedMeanwhile);
        assertEquals("char:alice", session.inputKey());
    }

    @Test
    void beforeLoginTheSessionIsItsOwnKey() {
        publish();
        session.inputsDoneUpTo(0);
        assertEquals("s1", session.inputKey());
    }
}
