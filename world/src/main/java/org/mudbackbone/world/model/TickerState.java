package org.mudbackbone.world.model;

/**
 * When a ticker runs next (epoch milliseconds). Kept in state and written in the same transaction
 * as what the ticker did, so a restarted or standby world neither repeats nor skips a tick.
 */
public record TickerState(String id, long nextAt) implements WorldObject {

    public static String idFor(String ticker) {
        return "ticker:" + ticker;
    }
}
