package org.mudbackbone.world.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The world's half of password handling. Gateways send an Argon2id hash of the password (the slow,
 * salted part); the world keeps only a SHA-256 digest of that hash, so that the stored value cannot
 * be replayed as a login, and compares digests in constant time.
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

    public static String digest(String gatewayHash) {
        return Base64.getEncoder().encodeToString(sha256(gatewayHash));
    }

    public static boolean matches(String storedDigest, String gatewayHash) {
        return MessageDigest.isEqual(Base64.getDecoder().decode(storedDigest), sha256(gatewayHash));
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
