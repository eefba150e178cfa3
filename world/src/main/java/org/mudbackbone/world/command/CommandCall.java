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

    /**
     * Text (markup) in answer to the caller: to every session controlling the caller's character (a
     * player on telnet and in the browser at once sees it in both), or before login to the calling
     * session only.
     */
    public void msg(String markup) {
        if (caller == null) {
            game.msgSession(session, markup);
        } else {
            game.msg(caller.id(), markup);
        }
    }

    public Room room() {
        return caller == null ? null : game.get(caller.room(), Room.class);
    }
}
