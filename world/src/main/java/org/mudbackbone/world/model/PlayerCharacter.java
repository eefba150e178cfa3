package org.mudbackbone.world.model;

/**
 * A player's character (the object a session controls, Evennia's puppet).
 *
 * @param colours the player's colour choice (0, 16, 256, 16777216), or {@code null}: as the client says
 */
public record PlayerCharacter(String id, String name, String room, Integer colours) implements WorldObject {

    public PlayerCharacter(String id, String name, String room) {
        this(id, name, room, null);
    }

    public static String idFor(String name) {
        return "char:" + name.toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public String location() {
        return room;
    }

    public PlayerCharacter moveTo(String roomId) {
        return new PlayerCharacter(id, name, roomId, colours);
    }

    public PlayerCharacter withColours(Integer choice) {
        return new PlayerCharacter(id, name, room, choice);
    }
}
