package org.mudbackbone.world.command;

import java.util.List;
import java.util.stream.Collectors;
import org.mudbackbone.broker.markup.Markup;
import org.mudbackbone.world.engine.Game;
import org.mudbackbone.world.model.PlayerCharacter;
import org.mudbackbone.world.model.Room;

/** Shows where you are. */
public final class LookCommand implements Command {

    public static final String BANNER = "{bright-cyan}{bold}Welcome to the MUD backbone.{/}{/}\n"
            + "Type {bold}create <name> <password>{/} for a new character, "
            + "or {bold}connect <name> <password>{/} to play yours.";

    @Override
    public String key() {
        return "look";
    }

    @Override
    public List<String> aliases() {
        return List.of("l");
    }

    @Override
    public String help() {
        return "look - show the room you are in\nUsage: look";
    }

    @Override
    public void execute(CommandCall call) {
        if (call.caller() == null) {
            call.msg(BANNER);
            return;
        }
        Room room = call.room();
        call.msg(room == null ? "You are nowhere." : describe(call.game(), room, call.caller()));
        if (room != null) {
            call.game().roomInfo(call.caller().id(), room);
        }
    }

    /** The room as its visitors see it: name, description, exits (as links) and who is here. */
    public static String describe(Game game, Room room, PlayerCharacter viewer) {
        StringBuilder out = new StringBuilder();
        out.append("{bright-white}{bold}").append(Markup.escape(room.name())).append("{/}{/}\n");
        out.append(Markup.escape(room.description())).append('\n');
        String exits = room.exits().keySet().stream()
                .map(exit -> Markup.link(exit, Markup.escape(exit)))
                .collect(Collectors.joining(", "));
        out.append("{#5fafff}Exits:{/} ").append(exits.isEmpty() ? "none" : exits);
        List<String> others = game.awakeIn(room.id()).stream()
                .filter(c -> !c.id().equals(viewer.id()))
                .map(c -> Markup.escape(c.name())).toList();
        if (!others.isEmpty()) {
            out.append("\n{green}Here:{/} ").append(String.join(", ", others));
        }
        return out.toString();
    }
}
