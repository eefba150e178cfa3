package org.mudbackbone.world.command;

import java.util.List;
import org.mudbackbone.broker.markup.Markup;
import org.mudbackbone.world.model.PlayerCharacter;

/** Lists who is playing. */
public final class WhoCommand implements Command {

    @Override
    public String key() {
        return "who";
    }

    @Override
    public String help() {
        return "who - list the players online\nUsage: who";
    }

    @Override
    public void execute(CommandCall call) {
        List<PlayerCharacter> awake = call.game().awake();
        StringBuilder out = new StringBuilder("{bold}Players online (" + awake.size() + "):{/}");
        awake.forEach(c -> out.append("\n  ").append(Markup.escape(c.name()))
                .append(call.game().linkDead(c.id()) ? " {bright-black}(link-dead){/}" : ""));
        call.msg(out.toString());
    }
}
