package org.mudbackbone.gateway.session;

/**
 * The connection of a session whose client is gone for now: shows nothing. What the world sends
 * meanwhile is kept in the session's {@link OutputHistory} for the client's return; the gateway's
 * own notices (the world is restarting) are of the moment and are not kept.
 */
enum Detached implements SessionConnection {
    INSTANCE;

    @Override
    public void text(String markup) {}

    @Override
    public void prompt(String markup) {}

    @Override
    public void oob(String pkg, String json) {}

    @Override
    public void hideInput(boolean hidden) {}

    @Override
    public void colours(Integer colours) {}

    @Override
    public void close(String markup) {}
}
