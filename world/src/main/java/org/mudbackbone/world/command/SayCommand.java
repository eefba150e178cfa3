package org.mudbackbone.world.command;

import java.util.List;
import java.util.Map;
import org.mudbackbone.broker.markup.Markup;

/** Says something to everyone in the room. */
public final class SayCommand implements Command {

    @Override
    public String key() {
        return "say";
    }

    @Override
    public List<String> aliases() {
        return List.of("'");
    }

    @Override
    public String help() {
        return "say - speak to everyone in the room\nUsage: say <text>   (or: 'text)";
    }

    @Override
    public void execute(CommandCall call) {
        if (call.args().isEmpty()) {
            call.msg("Say what?");
            return;
        }
        String text = Markup.escape(call.args());
        call.msg("You say, \"{yellow}" + text + "{/}\"");
        call.game().msgContents(call.caller().room(),
                Markup.escape(call.caller().name()) + " says, \"{yellow}" + text + "{/}\"", call.caller().id());
        // the same for clients that keep channel windows (GMCP Comm.Channel.Text)
        Map<String, String> channel = Map.of("channel", "say", "talker", call.caller().name(),
                "text", call.caller().name() + " says, \"" + call.args() + "\"");
        call.game().oobContents(call.caller().room(), "Comm.Channel.Text", channel);
    }
}
