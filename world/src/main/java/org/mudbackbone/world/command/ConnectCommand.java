package org.mudbackbone.world.command;

import java.util.List;
import org.mudbackbone.world.account.Logins;

/** Logs in to an existing character. */
public final class ConnectCommand implements Command {

    @Override
    public String key() {
        return "connect";
    }

    @Override
    public List<String> aliases() {
        return List.of("co");
    }

    @Override
    public String help() {
        return "connect - play your character\nUsage: connect <name> <password>   (or: connect <name>, then the password)";
    }

    @Override
    public void execute(CommandCall call) {
        if (call.args().isEmpty()) {
            call.msg("Usage: connect <name> <password>");
            return;
        }
        Logins.startConnect(call.game(), call.session(), call.args().split("\\s+")[0], call.rules());
    }
}
