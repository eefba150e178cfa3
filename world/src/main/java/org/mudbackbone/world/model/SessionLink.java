package org.mudbackbone.world.model;

/**
 * A connected session as the world knows it: where it is held, what it controls, the last input it
 * did, a login in progress, and what lets its client come back to it from any gateway. Kept in
 * state so that players stay logged in while the world restarts. {@code nextOutputSeq} is read from
 * documents of format v1 and no longer advanced: output numbers come from the world's term (see
 * {@link WorldTerm}), so an output costs no state write.
 *
 * @param id         {@code session:<session id>}
 * @param character  the controlled character's ID, or {@code null} before login
 * @param pending    a login waiting for the player's secret, or {@code null}
 * @param resumeHash SHA-256 of the client's current resume token, or {@code null} (a protocol that
 *                   cannot resume)
 * @param detachedAt when the client lost its connection (epoch ms), or 0 while it is connected
 */
public record SessionLink(String id, String session, String gateway, String character, long nextOutputSeq,
        long lastInputSeq, PendingLogin pending, String resumeHash, long detachedAt) implements WorldObject {

    public SessionLink(String id, String session, String gateway, String character, long nextOutputSeq,
            long lastInputSeq, PendingLogin pending) {
        this(id, session, gateway, character, nextOutputSeq, lastInputSeq, pending, null, 0);
    }

    public static String idFor(String session) {
        return "session:" + session;
    }

    public SessionLink withLastInputSeq(long seq) {
        return new SessionLink(id, session, gateway, character, nextOutputSeq, seq, pending, resumeHash, detachedAt);
    }

    public SessionLink withCharacter(String characterId) {
        return new SessionLink(id, session, gateway, characterId, nextOutputSeq, lastInputSeq, null, resumeHash,
                detachedAt);
    }

    public SessionLink withPending(PendingLogin login) {
        return new SessionLink(id, session, gateway, character, nextOutputSeq, lastInputSeq, login, resumeHash,
                detachedAt);
    }

    /** Its client holds the token with this hash and is connected. */
    public SessionLink withResumeHash(String hash) {
        return new SessionLink(id, session, gateway, character, nextOutputSeq, lastInputSeq, pending, hash, 0);
    }

    /** Its client lost its connection at {@code at}. */
    public SessionLink detached(long at) {
        return new SessionLink(id, session, gateway, character, nextOutputSeq, lastInputSeq, pending, resumeHash, at);
    }

    /** Held by {@code newGateway} from now on, its client back with the token whose hash is {@code hash}. */
    public SessionLink movedTo(String newGateway, String hash) {
        return new SessionLink(id, session, newGateway, character, nextOutputSeq, lastInputSeq, pending, hash, 0);
    }
}
