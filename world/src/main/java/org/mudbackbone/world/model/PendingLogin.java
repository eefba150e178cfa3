package org.mudbackbone.world.model;

/**
 * A {@code create} or {@code connect} waiting for the secret, with the salt the gateway was given
 * and, for a connect, the nonce its proof must answer.
 */
public record PendingLogin(Kind kind, String name, String salt, String nonce) {

    public PendingLogin(Kind kind, String name, String salt) {
        this(kind, name, salt, null);
    }

    public enum Kind { CREATE, CONNECT }
}
