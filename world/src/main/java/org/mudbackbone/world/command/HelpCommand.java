package org.mudbackbone.world.command;

import java.util.List;
import org.mudbackbone.broker.markup.Markup;

/** Lists the commands, or shows one command's help. */
public final class HelpCommand implements Command {

    @Override
    public String key() {
        return "help";
    }

    @Override
    public List<String> aliases() {
        return List.of("?");
    }

    @Override
    public String help() {
        return "help - list the commands, or explain one\nUsage: help [command]";
    }

    @Override
    public void execute(CommandCall call) {
        if (!call.args().isEmpty()) {
            call.msg(call.cmdSet().find(call.args())
                    .map(c -> Markup.escape(c.help()))
                    .orElse("No help on " + Markup.escape(call.args()) + "."));
            return;
        }
        StringBuilder out = new StringBuilder("{bold}Commands:{/}");
        for (Command command : call.cmdSet().commands()) {
            out.append("\n  ").append(Markup.escape(command.help().lines().findFirst().orElse(command.key())));
        }
        out.append("\nType {bold}help <command>{/} for more.");
        call.msg(out.toString());
    }
}
