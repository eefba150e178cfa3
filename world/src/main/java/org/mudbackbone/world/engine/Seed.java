package org.mudbackbone.world.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mudbackbone.world.model.Room;

/** The starting rooms, written to state the first time a world starts on an empty state topic. */
public final class Seed {

    public static final String START_ROOM = "room:square";

    private Seed() {}

    public static List<Room> rooms() {
        return List.of(
                new Room(START_ROOM, 1, "Town Square", "Town",
                        "Cobbles worn smooth by a thousand boots. A fountain murmurs in the middle.",
                        exits("north", "room:north-road", "east", "room:market", "west", "room:tavern",
                                "south", "room:temple")),
                new Room("room:north-road", 2, "North Road", "Town",
                        "The road runs north out of town between hedges full of sparrows.",
                        exits("south", START_ROOM)),
                new Room("room:market", 3, "Market", "Town",
                        "Stalls of bread, rope and lamp oil. Someone is always haggling.",
                        exits("west", START_ROOM)),
                new Room("room:tavern", 4, "The Drowned Lantern", "Town",
                        "A low tavern, warm and loud. Stairs lead up to the rooms.",
                        exits("east", START_ROOM, "up", "room:loft")),
                new Room("room:loft", 5, "Tavern Loft", "Town",
                        "A quiet loft under the rafters, smelling of straw.",
                        exits("down", "room:tavern")),
                new Room("room:temple", 6, "Temple Steps", "Town",
                        "White steps climb to a temple whose doors are never shut.",
                        exits("north", START_ROOM)));
    }

    private static Map<String, String> exits(String... pairs) {
        Map<String, String> exits = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            exits.put(pairs[i], pairs[i + 1]);
        }
        return exits;
    }
}
