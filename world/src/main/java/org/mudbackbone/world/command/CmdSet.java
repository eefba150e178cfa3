package org.mudbackbone.world.command;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A set of commands a session can use, found by key or alias. */
public final class CmdSet {

    private final Map<String, Command> byWord = new LinkedHashMap<>();
    private final List<Command> commands = new ArrayList<>();

    public CmdSet(Command... commands) {
        for (Command command : commands) {
            add(command);
        }
    }

    public CmdSet add(Command command) {
        commands.add(command);
        byWord.put(command.key(), command);
        command.aliases().forEach(alias -> byWord.put(alias, command));
        return this;
    }

    public Optional<Command> find(String word) {
        return Optional.ofNullable(byWord.get(word.toLowerCase(Locale.ROOT)));
    }

    public List<Command> commands() {
        return Collections.unmodifiableList(commands);
    }
}
