package org.mudbackbone.gateway.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.mudbackbone.broker.message.HashParams;

class SecretHasherTest {

    private static final HashParams CHEAP = new HashParams(HashParams.ARGON2ID, 64, 1, 1, 32);

    @Test
    void sameSecretAndSaltGiveTheSameHashAndTheSecretIsNotInIt() {
        String a = SecretHasher.hashNow("hunter2", "c2FsdHNhbHRzYWx0", CHEAP);
        assertEquals(a, SecretHasher.hashNow("hunter2", "c2FsdHNhbHRzYWx0", CHEAP));
        assertNotEquals(a, SecretHasher.hashNow("hunter2", "b3RoZXJzYWx0c2FsdA==", CHEAP));
        assertEquals(44, a.length()); // 32 bytes, base64
    }

    @Test
    void refusesCostsBeyondTheGatewaysLimits() {
        var greedy = new HashParams(HashParams.ARGON2ID, 4 * 1024 * 1024, 1, 1, 32);
        assertThrows(IllegalArgumentException.class, () -> SecretHasher.hashNow("x", "c2FsdHNhbHQ=", greedy));
    }

    @Test
    void oneAddressGetsAtMostItsShareOfTheHashesAtOnceAndTheRestStillGo() {
        // about a second each: still queued or running when the next is asked for, on any machine
        var costly = new HashParams(HashParams.ARGON2ID, 64 * 1024, 10, 1, 32);
        try (SecretHasher hasher = new SecretHasher()) {
            var salt = java.util.Base64.getEncoder().encodeToString(new byte[16]);
            java.util.List<reactor.core.publisher.Mono<String>> running = new java.util.ArrayList<>();
            for (int i = 0; i < SecretHasher.PER_ADDRESS; i++) {
                running.add(hasher.hash("pw" + i, salt, costly, "10.0.0.1").cache());
                running.get(i).subscribe(h -> { }, e -> { });
            }
            var refused = org.junit.jupiter.api.Assertions.assertThrows(SecretHasher.Busy.class,
                    () -> hasher.hash("one-more", salt, costly, "10.0.0.1").block(java.time.Duration.ofSeconds(30)));
            org.junit.jupiter.api.Assertions.assertTrue(refused.getMessage().contains("10.0.0.1"), refused.getMessage());
            org.junit.jupiter.api.Assertions.assertNotNull(hasher.hash("other", salt, CHEAP, "10.0.0.2")
                    .block(java.time.Duration.ofSeconds(30)), "another address is served");
            running.forEach(m -> m.block(java.time.Duration.ofSeconds(60)));
            org.junit.jupiter.api.Assertions.assertNotNull(hasher.hash("after", salt, CHEAP, "10.0.0.1")
                    .block(java.time.Duration.ofSeconds(30)), "once its hashes are done, the address is served again");
        }
    }
}
