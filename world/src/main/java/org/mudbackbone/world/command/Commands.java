package org.mudbackbone.world.command;

import java.util.Locale;
import org.mudbackbone.world.engine.Game;
import org.mudbackbone.world.model.PlayerCharacter;
import org.mudbackbone.world.model.Room;
import org.mudbackbone.world.model.SessionLink;

/**
 * Runs a typed line: picks the command set for the session (logged in or not), splits the verb from
 * the arguments, and treats an exit name or direction as a move.
 */
public final class Commands {

    private final CmdSet login;
    private final CmdSet character;
    private final WorldRules rules;

    /** The standard commands, plus {@code extra} for logged-in characters (a game's own commands). */
    public Commands(WorldRules rules, Command... extra) {
        this.rules = rules;
        this.login = new CmdSet(new CreateCommand(), new ConnectCommand(), new LookCommand(), new WhoCommand(),
                new QuitCommand(), new HelpCommand());
        this.character = new CmdSet(new LookCommand(), new SayCommand(), new EmoteCommand(), new GoCommand(),
                new WhoCommand(), new ColourCommand(), new QuitCommand(), new HelpCommand());
        for (Command command : extra) {
            character.add(command);
        }
    }

    public void run(Game game, SessionLink session, String line) {
        String text = line.strip();
        PlayerCharacter caller = session.character() == null ? null
                : game.get(session.character(), PlayerCharacter.class);
        if (text.isEmpty()) {
            return;
        }
        // MUD shorthands: 'hello for say, :waves for emote
        if (text.startsWith("'") || text.startsWith("\"")) {
            text = "say " + text.substring(1);
        } else if (text.startsWith(":")) {
            text = "emote " + text.substring(1);
        }
        String[] parts = text.split("\\s+", 2);
        String verb = parts[0].toLowerCase(Locale.ROOT);
        String args = parts.length > 1 ? parts[1].strip() : "";
        CmdSet set = caller == null ? login : character;
        var command = set.find(verb);
        if (command.isPresent()) {
            command.get().execute(new CommandCall(game, session, caller, verb, args, set, rules));
            return;
        }
        if (caller != null) {
            Room room = game.get(caller.room(), Room.class);
            if (GoCommand.isDirection(verb) || (room != null && GoCommand.exitFor(room, verb) != null)) {
                new GoCommand().execute(new CommandCall(game, session, caller, "go", verb, set, rules));
                return;
            }
        }
        game.msgSession(session, caller == null
                ? "You are not logged in. Type {bold}create <name> <password>{/}, {bold}connect <name> <password>{/} or {bold}help{/}."
                : "Huh? (Type {bold}help{/} for a list of commands.)");
    }
}
