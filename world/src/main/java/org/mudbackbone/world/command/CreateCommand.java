package org.mudbackbone.world.command;

import java.util.List;
import org.mudbackbone.world.account.Logins;

/** Makes a new character. */
public final class CreateCommand implements Command {

    @Override
    public String key() {
        return "create";
    }

    @Override
    public List<String> aliases() {
        return List.of("cr");
    }

    @Override
    public String help() {
        return "create - make a new character\nUsage: create <name> <password>   (or: create <name>, then the password)";
    }

    @Override
    public void execute(CommandCall call) {
        if (call.args().isEmpty()) {
            call.msg("Usage: create <name> <password>");
            return;
        }
        // the gateway took the password off the line: only the name is here
        Logins.startCreate(call.game(), call.session(), call.args().split("\\s+")[0], call.rules());
    }
}
