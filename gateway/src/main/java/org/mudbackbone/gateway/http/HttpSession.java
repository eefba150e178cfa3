package org.mudbackbone.gateway.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mudbackbone.gateway.session.Session;

/**
 * What the HTTP API keeps about one of its sessions: the numbers the client gave its lines (so that
 * a retried POST is never done twice, and a gap or a number reused for other text is refused), a
 * rate limit, and when it was last asked anything.
 */
final class HttpSession {

    /** What to do with a line the client numbered. */
    enum Verdict { NEW, REPEAT, GAP, REUSED, TOO_OLD, TOO_FAST }

    private static final int REMEMBERED = 256;

    final Session session;
    final HttpConnection connection;
    /** The client's last line number, or -1 before the first (on a session taken up here, any number starts). */
    private long lastSeq;
    /** The SHA-256 of recent lines by number: a repeat is recognised without keeping what was typed. */
    private final Map<Long, String> recent = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, String> eldest) {
            return size() > REMEMBERED;
        }
    };
    private double tokens;
    private long refilledAt;
    private volatile long lastAsked;
    /** Event streams open now: a session being streamed to is not idle. */
    final java.util.concurrent.atomic.AtomicInteger streams = new java.util.concurrent.atomic.AtomicInteger();
    private final int perSecond;

    HttpSession(Session session, HttpConnection connection, long lastSeq, int perSecond, long now) {
        this.session = session;
        this.connection = connection;
        this.lastSeq = lastSeq;
        this.perSecond = perSecond;
        this.tokens = 2.0 * perSecond;
        this.refilledAt = now;
        this.lastAsked = now;
    }

    /**
     * Judges line {@code seq} with this text; a new one is recorded as sent, unless the session is
     * over its rate (then nothing is recorded: the same number may be sent again).
     */
    synchronized Verdict number(long seq, String text, long now) {
        String digest = digest(text);
        if (lastSeq >= 0 && seq <= lastSeq) {
            String before = recent.get(seq);
            if (before == null) {
                return Verdict.TOO_OLD;
            }
            return before.equals(digest) ? Verdict.REPEAT : Verdict.REUSED;
        }
        if (lastSeq >= 0 && seq != lastSeq + 1) {
            return Verdict.GAP;
        }
        if (!allow(now)) {
            return Verdict.TOO_FAST;
        }
        lastSeq = seq;
        recent.put(seq, digest);
        return Verdict.NEW;
    }

    synchronized long lastSeq() {
        return lastSeq;
    }

    /** Takes one from the session's bucket; false when it is empty (too many lines too fast). */
    private boolean allow(long now) {
        tokens = Math.min(2.0 * perSecond, tokens + (now - refilledAt) * perSecond / 1000.0);
        refilledAt = now;
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }

    void asked(long now) {
        lastAsked = now;
    }

    long lastAsked() {
        return lastAsked;
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return java.util.Base64.getEncoder().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
