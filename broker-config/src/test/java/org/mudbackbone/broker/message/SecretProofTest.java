package org.mudbackbone.broker.message;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretProofTest {

    private final String hash = Base64.getEncoder().encodeToString("an argon2id hash of 32 bytes....".getBytes());
    private final String other = Base64.getEncoder().encodeToString("another hash, of a wrong passwd.".getBytes());

    @Test
    void theProofForANonceChecksAgainstTheVerifierAndNothingElseDoes() {
        String verifier = SecretProof.verifier(hash);
        String nonce = SecretProof.newNonce();
        assertTrue(SecretProof.check(verifier, nonce, SecretProof.proof(hash, nonce)));
        assertFalse(SecretProof.check(verifier, nonce, SecretProof.proof(other, nonce)), "a wrong password");
        assertFalse(SecretProof.check(verifier, SecretProof.newNonce(), SecretProof.proof(hash, nonce)), "a replay under a new nonce");
        assertFalse(SecretProof.check(verifier, nonce, verifier), "the verifier itself");
        assertFalse(SecretProof.check(verifier, nonce, hash), "the hash itself");
        assertFalse(SecretProof.check(verifier, nonce, "not base64!"));
    }

    @Test
    void proofsOfOneHashDifferFromLoginToLoginAndHideIt() {
        String a = SecretProof.proof(hash, SecretProof.newNonce());
        String b = SecretProof.proof(hash, SecretProof.newNonce());
        assertNotEquals(a, b);
        assertNotEquals(hash, a);
        assertTrue(SecretProof.isVerifier(SecretProof.verifier(hash)));
        assertFalse(SecretProof.isVerifier(hash.substring(4)));
    }

    @Test
    void hashesLongerThanOneMaskBlockWork() {
        String long64 = Base64.getEncoder().encodeToString(new byte[64]);
        String nonce = SecretProof.newNonce();
        assertTrue(SecretProof.check(SecretProof.verifier(long64), nonce, SecretProof.proof(long64, nonce)));
    }
}
