package org.mudbackbone.world.model;

/**
 * A connected session as the world knows it: where it is held, what it controls, the last input it
 * did and a login in progress. Kept in state so that players stay logged in while the world restarts.
 * {@code nextOutputSeq} is read from documents of format v1 and no longer advanced: output numbers
 * come from the world's term (see {@link WorldTerm}), so an output costs no state write.
 *
 * @param id        {@code session:<session id>}
 * @param character the controlled character's ID, or {@code null} before login
 * @param pending   a login waiting for the player's secret, or {@code null}
 */
public record SessionLink(String id, String session, String gateway, String character, long nextOutputSeq,
        long lastInputSeq, PendingLogin pending) implements WorldObject {

    public static String idFor(String session) {
        return "session:" + session;
    }

    public SessionLink withLastInputSeq(long seq) {
        return new SessionLink(id, session, gateway, character, nextOutputSeq, seq, pending);
    }

    public SessionLink withCharacter(String characterId) {
        return new SessionLink(id, session, gateway, characterId, nextOutputSeq, lastInputSeq, null);
    }

    public SessionLink withPending(PendingLogin login) {
        return new SessionLink(id, session, gateway, character, nextOutputSeq, lastInputSeq, login);
    }
}
