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
}
