package org.mudbackbone.gateway.session;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A connection that remembers what the player was shown. */
class RecordingConnection implements SessionConnection {

    /** The last message it was closed with, or null while open. */
    volatile String closed;

    final List<String> texts = new CopyOnWriteArrayList<>();
    final List<String> prompts = new CopyOnWriteArrayList<>();

    @Override
    public void text(String markup) {
        texts.add(markup);
    }

    @Override
    public void prompt(String markup) {
        prompts.add(markup);
    }

    @Override
    public void oob(String pkg, String json) {}

    @Override
    public void hideInput(boolean hidden) {}

    @Override
    public void colours(Integer colours) {}

    @Override
    public void close(String markup) {
        closed = markup;
    }
}
