package org.mudbackbone.world.command;

import org.mudbackbone.broker.markup.Markup;
import org.mudbackbone.broker.message.GameOutput;
import org.mudbackbone.world.model.SessionLink;

/** Leaves the game and closes the connection. */
public final class QuitCommand implements Command {

    @Override
    public String key() {
        return "quit";
    }

    @Override
    public String help() {
        return "quit - leave the game\nUsage: quit";
    }

    @Override
    public void execute(CommandCall call) {
        SessionLink link = call.session();
        call.game().send(link, seq -> new GameOutput.Disconnect(link.session(), seq, "Goodbye!"));
        if (call.caller() != null) {
            call.game().msgContents(call.caller().room(),
                    Markup.escape(call.caller().name()) + " has left the game.", call.caller().id());
        }
        call.game().delete(link.id());
    }
}
