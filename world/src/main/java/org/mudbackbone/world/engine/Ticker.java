package org.mudbackbone.world.engine;

import java.time.Duration;

/**
 * Something the world does on a schedule rather than in answer to input. The world runs only what
 * is due, as it comes due, and never on a fixed game tick: input is done as it arrives.
 */
public interface Ticker {

    /** Names the ticker's schedule in state; keep it stable across releases. */
    String name();

    Duration period();

    void tick(Game game);
}
