package org.mudbackbone.gateway.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mudbackbone.broker.message.WorldSignal;

class WorldPresenceTest {

    private final List<String> told = new ArrayList<>();
    private final WorldPresence presence = new WorldPresence(told::add, 0);

    @Test
    void silenceAfterHeartbeatsIsAnnouncedOnceAndTheReturnOnce() {
        presence.signal(new WorldSignal.Heartbeat("w1", 0, 1000, 0), 1000);
        presence.tick(3500);
        assertEquals(List.of(), told);

        presence.tick(4100);
        presence.tick(9000);
        assertEquals(List.of(WorldPresence.AWAY), told);
        assertTrue(presence.away());

        presence.signal(new WorldSignal.Heartbeat("w2", 0, 1000, 0), 9500);
        presence.signal(new WorldSignal.Heartbeat("w2", 0, 1000, 0), 10500);
        assertEquals(List.of(WorldPresence.AWAY, WorldPresence.BACK), told);
    }

    @Test
    void aStoppingSignalIsAnnouncedAtOnceAndTheSilenceAfterItNotAgain() {
        presence.signal(new WorldSignal.Heartbeat("w1", 0, 1000, 0), 1000);
        presence.signal(new WorldSignal.Stopping("w1", 0), 1200);
        presence.tick(20_000);
        assertEquals(List.of(WorldPresence.AWAY), told);
    }

    @Test
    void aStaleStoppingSignalOfAnotherInstanceIsIgnored() {
        presence.signal(new WorldSignal.Heartbeat("w2", 0, 1000, 0), 1000);
        presence.signal(new WorldSignal.Stopping("w1", 0), 1100);
        assertEquals(List.of(), told);
    }

    @Test
    void aWorldThatNeverCameIsAwayAfterTheGraceTime() {
        presence.tick(2000);
        assertEquals(List.of(), told);
        presence.tick(3100);
        assertEquals(List.of(WorldPresence.AWAY), told);
    }
}
