package org.mudbackbone.world.model;

/** A player's character (the object a session controls, Evennia's puppet). */
public record PlayerCharacter(String id, String name, String room) implements WorldObject {

    public static String idFor(String name) {
        return "char:" + name.toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public String location() {
        return room;
    }

    public PlayerCharacter moveTo(String roomId) {
        return new PlayerCharacter(id, name, roomId);
    }
}
