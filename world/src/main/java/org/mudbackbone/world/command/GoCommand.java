package org.mudbackbone.world.command;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mudbackbone.world.model.Room;

/** Moves you through an exit; typing the exit's name or a direction alone does the same. */
public final class GoCommand implements Command {

    private static final Map<String, String> DIRECTIONS = Map.ofEntries(
            Map.entry("n", "north"), Map.entry("s", "south"), Map.entry("e", "east"), Map.entry("w", "west"),
            Map.entry("ne", "northeast"), Map.entry("nw", "northwest"), Map.entry("se", "southeast"),
            Map.entry("sw", "southwest"), Map.entry("u", "up"), Map.entry("d", "down"));

    @Override
    public String key() {
        return "go";
    }

    @Override
    public String help() {
        return "go - walk through an exit\nUsage: go <exit>, or just the exit: north (n), south (s), east (e), "
                + "west (w), up (u), down (d), ne, nw, se, sw, or an exit's name";
    }

    @Override
    public void execute(CommandCall call) {
        Room room = call.room();
        String exit = room == null ? null : exitFor(room, call.args());
        if (exit == null) {
            call.msg(call.args().isEmpty() ? "Go where?" : "You cannot go that way.");
            return;
        }
        Room destination = call.game().get(room.exits().get(exit), Room.class);
        if (destination == null) {
            call.msg("That way is blocked.");
            return;
        }
        call.game().moveTo(call.caller(), destination, exit);
        call.msg(LookCommand.describe(call.game(), destination, call.caller()));
        call.game().roomInfo(call.caller().id(), destination);
    }

    /** Whether {@code word} is a compass direction or its short form. */
    static boolean isDirection(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        return DIRECTIONS.containsKey(w) || DIRECTIONS.containsValue(w);
    }

    /** The room's exit that {@code word} names (an exit name, a direction or its short form), or null. */
    static String exitFor(Room room, String word) {
        String w = word.strip().toLowerCase(Locale.ROOT);
        if (w.isEmpty()) {
            return null;
        }
        String name = DIRECTIONS.getOrDefault(w, w);
        return room.exits().containsKey(name) ? name : null;
    }
}
