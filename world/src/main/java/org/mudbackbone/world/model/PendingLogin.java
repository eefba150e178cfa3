package org.mudbackbone.world.model;

/** A {@code create} or {@code connect} waiting for the secret, with the salt the gateway was given. */
public record PendingLogin(Kind kind, String name, String salt) {

    public enum Kind { CREATE, CONNECT }
}
