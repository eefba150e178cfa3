package org.mudbackbone.world.model;

/**
 * How many times a world has become active. Each active world writes the next term in its first
 * transaction, and numbers its output with it ({@code term << 32} plus a count per session), so
 * output sequence numbers only ever grow across restarts without a state write per output.
 */
public record WorldTerm(String id, long term) implements WorldObject {

    public static final String ID = "world:term";

    public WorldTerm(long term) {
        this(ID, term);
    }
}
