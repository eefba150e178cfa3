package org.mudbackbone.world.engine;

import java.time.Duration;

/** The temple bell, heard in the square: a small ticker to show how scheduled things are done. */
public final class TownBell implements Ticker {

    private final Duration period;

    public TownBell(Duration period) {
        this.period = period;
    }

    @Override
    public String name() {
        return "town-bell";
    }

    @Override
    public Duration period() {
        return period;
    }

    @Override
    public void tick(Game game) {
        game.msgContents(Seed.START_ROOM, "{bright-yellow}The temple bell tolls across the square.{/}", null);
    }
}
