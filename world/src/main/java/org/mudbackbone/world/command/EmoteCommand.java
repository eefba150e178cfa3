package org.mudbackbone.world.command;

import java.util.List;
import org.mudbackbone.broker.markup.Markup;

/** Shows an action to everyone in the room. */
public final class EmoteCommand implements Command {

    @Override
    public String key() {
        return "emote";
    }

    @Override
    public List<String> aliases() {
        return List.of("pose", ":");
    }

    @Override
    public String help() {
        return "emote - show everyone in the room what you do\nUsage: emote <action>   (or: :action)";
    }

    @Override
    public void execute(CommandCall call) {
        if (call.args().isEmpty()) {
            call.msg("Emote what?");
            return;
        }
        String line = Markup.escape(call.caller().name() + " " + call.args());
        call.msg(line);
        call.game().msgContents(call.caller().room(), line, call.caller().id());
    }
}
