package org.mudbackbone.gateway.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tokens that let a client come back to its session. Each is 128 random bits, separate from the
 * session ID (which is logged and travels in Kafka), single use (redeeming one issues the next),
 * and kept only as its SHA-256, so neither a log nor a heap dump holds a usable token. Lookups go by
 * that hash, and the hash found is compared again in constant time.
 */
final class ResumeTokens {

    /** A token redeemed: its session, and the token that replaces it. */
    record Redeemed(String sessionId, String next) {}

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, String> sessionByHash = new ConcurrentHashMap<>();
    private final Map<String, String> hashBySession = new ConcurrentHashMap<>();

    /** A new token for {@code sessionId}; any earlier one of that session stops working. */
    synchronized String issue(String sessionId) {
        String token = newToken();
        adopt(sessionId, token);
        return token;
    }

    /** 128 random bits, URL-safe. */
    static String newToken() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** {@code token} is {@code sessionId}'s from now on (made here or handed over with the session). */
    synchronized void adopt(String sessionId, String token) {
        String hash = hash(token);
        String previous = hashBySession.put(sessionId, hash);
        if (previous != null) {
            sessionByHash.remove(previous);
        }
        sessionByHash.put(hash, sessionId);
    }

    /** The session of {@code token} and its next token, if the token is the session's current one. */
    synchronized Optional<Redeemed> redeem(String token) {
        return holder(token).map(sessionId -> new Redeemed(sessionId, issue(sessionId)));
    }

    /** The session whose current token {@code token} is, without spending it (a bearer token). */
    synchronized Optional<String> holder(String token) {
        if (!plausible(token)) {
            return Optional.empty();
        }
        String hash = hash(token);
        String sessionId = sessionByHash.get(hash);
        String current = sessionId == null ? null : hashBySession.get(sessionId);
        if (current == null || !MessageDigest.isEqual(current.getBytes(StandardCharsets.US_ASCII),
                hash.getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        return Optional.of(sessionId);
    }

    /** Whether {@code token} could be a token at all (anything else is refused before any lookup). */
    static boolean plausible(String token) {
        return token != null && !token.isEmpty() && token.length() <= 64;
    }

    /** The session is gone: its token stops working. */
    synchronized void forget(String sessionId) {
        String hash = hashBySession.remove(sessionId);
        if (hash != null) {
            sessionByHash.remove(hash);
        }
    }

    /** What is kept of a token here and sent to the world: its SHA-256, base64. */
    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
