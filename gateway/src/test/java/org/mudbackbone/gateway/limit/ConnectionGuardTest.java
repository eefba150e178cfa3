package org.mudbackbone.gateway.limit;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mudbackbone.gateway.proxy.TrustedProxies;

class ConnectionGuardTest {

    private static final long SECOND = 1_000_000_000L;

    private ConnectionGuard guard(int total, int perAddress, double acceptsPerSecond) {
        return new ConnectionGuard(new LimitsConfig(total, perAddress, acceptsPerSecond, 20, 60, 10, 40, 1 << 20, 120, 4),
                new TrustedProxies(false, List.of()), new Refusals(new SimpleMeterRegistry()));
    }

    @Test
    void oneAddressHoldsAtMostItsShareAndGetsMoreWhenOneCloses() {
        ConnectionGuard guard = guard(1000, 3, 1000);
        for (int i = 0; i < 3; i++) {
            assertNull(guard.admit("10.0.0.1", false, i));
        }
        String refused = guard.admit("10.0.0.1", false, 10);
        assertTrue(refused != null && refused.startsWith("per-address:"), refused);
        assertNull(guard.admit("10.0.0.2", false, 10), "another address is not held back");
        guard.release("10.0.0.1");
        assertNull(guard.admit("10.0.0.1", false, SECOND));
    }

    @Test
    void anAddressConnectingTooFastIsRefusedUntilItSlowsDown() {
        ConnectionGuard guard = guard(1000, 2, 1);
        assertNull(guard.admit("10.0.0.1", false, 0));
        guard.release("10.0.0.1");
        assertNull(guard.admit("10.0.0.1", false, 0));
        guard.release("10.0.0.1");
        String refused = guard.admit("10.0.0.1", false, 0);
        assertTrue(refused != null && refused.startsWith("accept-rate:"), refused);
        assertNull(guard.admit("10.0.0.1", false, SECOND), "a second later a token is back");
    }

    @Test
    void theTotalCapHoldsForEveryoneAndATrustedProxyCountsOnlyTowardIt() {
        ConnectionGuard guard = guard(3, 1, 1000);
        assertNull(guard.admit("10.0.0.9", true, 0));
        assertNull(guard.admit("10.0.0.9", true, 0), "behind a proxy many players share its address");
        assertNull(guard.admit("10.0.0.1", false, 0));
        String refused = guard.admit("10.0.0.2", false, 0);
        assertTrue(refused != null && refused.startsWith("total:"), refused);
        assertTrue(guard.open() == 3, "open: " + guard.open());
    }

    @Test
    void theClientsATrustedProxyNamesHoldTheirOwnShare() {
        ConnectionGuard guard = guard(1000, 2, 1000);
        for (int i = 0; i < 3; i++) {
            assertNull(guard.admit("10.0.0.9", true, 0), "the proxy's own connections count toward the total only");
        }
        assertNull(guard.admitClient("203.0.113.7", 0));
        assertNull(guard.admitClient("203.0.113.7", 0));
        String refused = guard.admitClient("203.0.113.7", 0);
        assertTrue(refused != null && refused.startsWith("per-address:"), refused);
        assertNull(guard.admitClient("203.0.113.8", 0), "another client behind the same proxy is let in");
        guard.releaseClient("203.0.113.7");
        assertNull(guard.admitClient("203.0.113.7", SECOND));
    }

    @Test
    void withNoTotalSetTheCapStaysBelowTheProcesssOpenFileLimit() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        org.junit.jupiter.api.Assumptions.assumeTrue(os instanceof com.sun.management.UnixOperatingSystemMXBean, "not a Unix JVM");
        long files = ((com.sun.management.UnixOperatingSystemMXBean) os).getMaxFileDescriptorCount();
        org.junit.jupiter.api.Assertions.assertEquals(files - ConnectionGuard.RESERVED_FILES, ConnectionGuard.fromFileLimit(),
                "files: " + files);
    }
}
