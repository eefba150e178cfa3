package org.mudbackbone.broker.message;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a gateway proves to the world that a player knows their password without anything in Kafka
 * being worth replaying: the SCRAM idea (RFC 5802) on the gateway's Argon2id hash {@code H}.
 *
 * <ul>
 *   <li>The world keeps the verifier {@code V = SHA-256(H)}; a new account's gateway sends {@code V},
 *       never {@code H}.</li>
 *   <li>To log in, the world sends a fresh nonce with its {@link GameOutput.AskSecret}; the gateway
 *       answers {@code H XOR mask(V, nonce)}. The world unmasks it and checks that its SHA-256 is
 *       {@code V}.</li>
 * </ul>
 *
 * A proof read from the input topic is worth one login that has already happened (its nonce is
 * spent); a verifier read from the input or state topic does not give {@code H}, so neither logs
 * in. Only the gateway ever holds {@code H}, and only while it answers.
 */
public final class SecretProof {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretProof() {}

    /** A fresh nonce for one login, base64. */
    public static String newNonce() {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        return Base64.getEncoder().encodeToString(nonce);
    }

    /** The verifier the world keeps for a gateway hash {@code H} (base64 in, base64 out). */
    public static String verifier(String hashBase64) {
        return Base64.getEncoder().encodeToString(sha256(Base64.getDecoder().decode(hashBase64)));
    }

    /** Whether {@code value} can be a verifier: base64 of 32 bytes. */
    public static boolean isVerifier(String value) {
        try {
            return value != null && Base64.getDecoder().decode(value).length == 32;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The gateway's answer to a login with {@code nonce}, from its hash {@code H}. */
    public static String proof(String hashBase64, String nonce) {
        byte[] h = Base64.getDecoder().decode(hashBase64);
        return Base64.getEncoder().encodeToString(xor(h, mask(sha256(h), nonce, h.length)));
    }

    /** Whether {@code proofBase64} answers {@code nonce} for the account whose verifier is {@code verifierBase64}. */
    public static boolean check(String verifierBase64, String nonce, String proofBase64) {
        try {
            byte[] v = Base64.getDecoder().decode(verifierBase64);
            byte[] proof = Base64.getDecoder().decode(proofBase64);
            if (proof.length == 0 || proof.length > 64) {
                return false;
            }
            return MessageDigest.isEqual(v, sha256(xor(proof, mask(v, nonce, proof.length))));
        } catch (IllegalArgumentException e) {
            return false; // not base64: not a proof
        }
    }

    /** HMAC-SHA256(V, nonce || i) for i = 0, 1, ..., cut to {@code length} bytes. */
    private static byte[] mask(byte[] verifier, String nonce, int length) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(verifier, "HmacSHA256"));
            ByteBuffer out = ByteBuffer.allocate(length + 32);
            for (byte i = 0; out.position() < length; i++) {
                mac.update(nonce.getBytes(StandardCharsets.UTF_8));
                out.put(mac.doFinal(new byte[] {i}));
            }
            byte[] mask = new byte[length];
            out.flip().get(mask);
            return mask;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }

    private static byte[] xor(byte[] a, byte[] b) {
        byte[] out = new byte[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = (byte) (a[i] ^ b[i]);
        }
        return out;
    }

    private static byte[] sha256(byte[] value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
