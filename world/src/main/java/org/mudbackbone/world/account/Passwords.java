package org.mudbackbone.world.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The world's salts. Gateways hash the password with Argon2id (the slow, salted part) and send the
 * world a verifier or a proof made from that hash ({@link org.mudbackbone.broker.message.SecretProof}),
 * so that neither the state nor the input topic holds anything that logs in.
 */
public final class Passwords {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Passwords() {}

    /** A fresh 16-byte salt, base64. */
    public static String newSalt() {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return Base64.getEncoder().encodeToString(salt);
    }

    /**
     * The salt a login with a name no character has is asked with: the same for the same name, so
     * that asking twice looks like an account's fixed salt.
     */
    public static String saltFor(String unknownName) {
        byte[] salt = java.util.Arrays.copyOf(sha256("no-such-account:" + unknownName.toLowerCase(java.util.Locale.ROOT)), 16);
        return Base64.getEncoder().encodeToString(salt);
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
