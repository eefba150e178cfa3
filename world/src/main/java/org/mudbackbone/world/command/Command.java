package org.mudbackbone.world.command;

import java.util.List;

/**
 * One command: its key, aliases and help text (what {@code help <key>} shows; the first line is
 * the summary in the command list). A game developer adds a command by writing one of these and
 * adding it to a {@link CmdSet}.
 */
public interface Command {

    String key();

    default List<String> aliases() {
        return List.of();
    }

    String help();

    void execute(CommandCall call);
}
