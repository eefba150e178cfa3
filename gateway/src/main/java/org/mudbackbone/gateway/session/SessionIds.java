package org.mudbackbone.gateway.session;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Session IDs: 128 random bits, URL-safe. An ID is logged and travels in Kafka, so it is never a
 * credential: resuming a session takes its token ({@link ResumeTokens}), which is neither.
 */
public final class SessionIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SessionIds() {}

    public static String next() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
