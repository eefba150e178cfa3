package org.mudbackbone.world.command;

import org.mudbackbone.world.engine.Game;
import org.mudbackbone.world.model.PlayerCharacter;
import org.mudbackbone.world.model.Room;
import org.mudbackbone.world.model.SessionLink;

/**
 * One use of a command: who called it, from which session, with what arguments.
 *
 * @param caller the caller's character, or {@code null} before login
 * @param verb   the word the player typed for the command
 * @param args   what followed it, trimmed (plain text: escape before putting it in markup)
 */
public record CommandCall(Game game, SessionLink session, PlayerCharacter caller, String verb, String args,
        CmdSet cmdSet, WorldRules rules) {

    /** Text (markup) to the calling session only. */
    public void msg(String markup) {
        game.msgSession(session, markup);
    }

    public Room room() {
        return caller == null ? null : game.get(caller.room(), Room.class);
    }
}
