package org.mudbackbone.world.command;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mudbackbone.broker.message.GameOutput;
import org.mudbackbone.world.model.PlayerCharacter;
import org.mudbackbone.world.model.SessionLink;

/** Chooses how many colours you see, whatever your client says it can show. */
public final class ColourCommand implements Command {

    private static final Map<String, Integer> CHOICES = Map.of(
            "none", 0, "off", 0, "16", 16, "ansi", 16, "256", 256, "truecolor", 16_777_216, "truecolour", 16_777_216);

    @Override
    public String key() {
        return "colour";
    }

    @Override
    public List<String> aliases() {
        return List.of("color");
    }

    @Override
    public String help() {
        return "colour - choose your colours\nUsage: colour none | 16 | 256 | truecolor | auto   (auto: as your client says)";
    }

    @Override
    public void execute(CommandCall call) {
        String choice = call.args().toLowerCase(Locale.ROOT);
        Integer colours;
        if (choice.equals("auto")) {
            colours = null;
        } else if (CHOICES.containsKey(choice)) {
            colours = CHOICES.get(choice);
        } else {
            Integer now = call.caller().colours();
            call.msg("Colours: " + (now == null ? "auto (as your client says)" : now) + ". " + help().lines().skip(1)
                    .findFirst().orElse(""));
            return;
        }
        PlayerCharacter updated = call.caller().withColours(colours);
        call.game().put(updated);
        for (SessionLink link : call.game().controllers(updated.id())) {
            call.game().send(link, seq -> new GameOutput.Preferences(link.session(), seq, colours));
        }
        call.msg("{green}Colours set to " + (colours == null ? "auto" : choice) + ".{/}");
    }
}
