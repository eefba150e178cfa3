package org.mudbackbone.world.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Objects;
import java.util.function.LongFunction;
import org.mudbackbone.broker.markup.Markup;
import org.mudbackbone.broker.message.GameOutput;
import org.mudbackbone.world.model.PlayerCharacter;
import org.mudbackbone.world.model.Room;
import org.mudbackbone.world.model.SessionLink;
import org.mudbackbone.world.model.WorldObject;

/**
 * What game code may do while one input is processed: read and change objects, and send output.
 * Everything goes into the current transaction; nothing is seen outside until Kafka commits it.
 */
public final class Game {

    private final Transaction tx;
    private final Outbox outbox;

    public Game(Transaction tx, Outbox outbox) {
        this.tx = tx;
        this.outbox = outbox;
    }

    public WorldObject get(String id) {
        return tx.get(id);
    }

    public <T extends WorldObject> T get(String id, Class<T> type) {
        return tx.get(id, type);
    }

    public void put(WorldObject object) {
        tx.put(object);
    }

    public void delete(String id) {
        tx.delete(id);
    }

    public SessionLink session(String sessionId) {
        return tx.get(SessionLink.idFor(sessionId), SessionLink.class);
    }

    /**
     * The session whose client holds the resume token with this hash, or {@code null}. The hashes
     * are compared again in constant time after the index lookup.
     */
    public SessionLink sessionHoldingToken(String tokenHash) {
        if (tokenHash == null || tokenHash.isEmpty()) {
            return null;
        }
        for (String id : tx.find(tx.state().resumeTokens, tokenHash)) {
            SessionLink link = tx.get(id, SessionLink.class);
            if (link != null && link.resumeHash() != null && java.security.MessageDigest.isEqual(
                    link.resumeHash().getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                    tokenHash.getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
                return link;
            }
        }
        return null;
    }

    /** Ends a session: it is forgotten, and its character's room told if no other session controls it. */
    public void endSession(SessionLink link) {
        delete(link.id());
        if (link.character() != null && controllers(link.character()).isEmpty()) {
            PlayerCharacter character = get(link.character(), PlayerCharacter.class);
            if (character != null) {
                msgContents(character.room(), Markup.escape(character.name()) + " has disconnected.", character.id());
            }
        }
    }

    /**
     * Whether every session controlling the character has lost its client (its gateway died, or
     * its client is away and may resume): the character stays in the game, link-dead, as MUDs do.
     */
    public boolean linkDead(String characterId) {
        List<SessionLink> links = controllers(characterId);
        return !links.isEmpty() && links.stream().allMatch(l -> l.detachedAt() > 0);
    }

    /** The sessions held by a gateway. */
    public List<SessionLink> sessionsOn(String gateway) {
        return tx.find(tx.state().byGateway, gateway).stream().map(id -> tx.get(id, SessionLink.class))
                .filter(Objects::nonNull).sorted(Comparator.comparing(SessionLink::id)).toList();
    }

    /** Every gateway some session is held by. */
    public java.util.Set<String> gatewaysHoldingSessions() {
        return tx.state().byGateway.keySet();
    }

    /** Sessions controlling a character. */
    public List<SessionLink> controllers(String characterId) {
        return tx.find(tx.state().controllers, characterId).stream()
                .map(id -> tx.get(id, SessionLink.class)).filter(Objects::nonNull)
                .sorted(Comparator.comparing(SessionLink::id)).toList();
    }

    /** Characters in a room that someone controls (the others are asleep, and not shown). */
    public List<PlayerCharacter> awakeIn(String roomId) {
        return charactersIn(roomId, null).stream().filter(c -> !controllers(c.id()).isEmpty()).toList();
    }

    /** The characters in a room but {@code except}, awake or not, by name. */
    private List<PlayerCharacter> charactersIn(String roomId, String except) {
        return tx.find(tx.state().contents, roomId).stream()
                .filter(id -> !id.equals(except))
                .map(id -> tx.get(id, PlayerCharacter.class)).filter(Objects::nonNull)
                .sorted(Comparator.comparing(PlayerCharacter::name)).toList();
    }

    /** Every character someone controls. */
    public List<PlayerCharacter> awake() {
        return tx.find(tx.state().loggedIn, "all").stream()
                .map(id -> tx.get(id, SessionLink.class)).filter(Objects::nonNull)
                .map(link -> tx.get(link.character(), PlayerCharacter.class)).filter(Objects::nonNull)
                .distinct().sorted(Comparator.comparing(PlayerCharacter::name)).toList();
    }

    /** Text (markup) to one session. */
    public void msgSession(SessionLink link, String markup) {
        send(link, seq -> new GameOutput.Text(link.session(), seq, markup));
    }

    /** Text (markup) to every session controlling a character. */
    public void msg(String characterId, String markup) {
        controllers(characterId).forEach(link -> msgSession(link, markup));
    }

    /**
     * The sessions of everyone awake in a room but {@code except}, in the order of their characters'
     * names: what a room hears. One index lookup per character, for a room of any size.
     */
    public List<SessionLink> listenersIn(String roomId, String except) {
        List<SessionLink> listeners = new ArrayList<>();
        for (PlayerCharacter character : charactersIn(roomId, except)) {
            listeners.addAll(controllers(character.id()));
        }
        return listeners;
    }

    /** Text (markup) to everyone awake in a room but {@code except}. */
    public void msgContents(String roomId, String markup, String except) {
        for (SessionLink link : listenersIn(roomId, except)) {
            msgSession(link, markup);
        }
    }

    /** Out-of-band data to everyone awake in a room; {@code body} becomes JSON once, not once per listener. */
    public void oobContents(String roomId, String pkg, Object body) {
        String json = Json.write(body);
        for (SessionLink link : listenersIn(roomId, null)) {
            send(link, seq -> new GameOutput.Oob(link.session(), seq, pkg, json));
        }
    }

    public void prompt(SessionLink link) {
        SessionLink current = session(link.session());
        long answers = current == null ? link.lastInputSeq() : current.lastInputSeq();
        send(link, seq -> new GameOutput.Prompt(link.session(), seq, "> ", answers));
    }

    /**
     * Sends one output to a session, numbered with the session's next output sequence number; the
     * numbers only grow, across restarts too (see {@link org.mudbackbone.world.model.WorldTerm}),
     * and cost no state write.
     */
    /**
     * Output addressed to a session ID on a given gateway, whatever state says of it: the answer to
     * a resume request (which has no session yet), or the notice to a gateway that lost a session.
     */
    public void sendTo(String gateway, String sessionId, LongFunction<GameOutput> output) {
        outbox.add(gateway, output.apply(tx.takeOutputSeq(sessionId)));
    }

    public void send(SessionLink link, LongFunction<GameOutput> output) {
        SessionLink current = session(link.session());
        if (current == null) {
            return; // the session has gone
        }
        if (current.detachedAt() > 0 && current.resumeHash() == null) {
            return; // link-dead with no way back to this session: nothing is written for it
        }
        outbox.add(current.gateway(), output.apply(tx.takeOutputSeq(current.session())));
    }

    /** Out-of-band data (GMCP-style) to every session controlling a character; {@code body} becomes JSON. */
    public void oob(String characterId, String pkg, Object body) {
        String json = Json.write(body);
        for (SessionLink link : controllers(characterId)) {
            send(link, seq -> new GameOutput.Oob(link.session(), seq, pkg, json));
        }
    }

    /** GMCP Room.Info for a room: its stable number, name, area and exits by room number (for mappers). */
    public void roomInfo(String characterId, Room room) {
        Map<String, Long> exits = new LinkedHashMap<>();
        room.exits().forEach((exit, id) -> {
            Room to = get(id, Room.class);
            if (to != null) {
                exits.put(exit, to.num());
            }
        });
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("num", room.num());
        info.put("name", room.name());
        info.put("area", room.area());
        info.put("exits", exits);
        oob(characterId, "Room.Info", info);
    }

    /** Moves a character, telling both rooms; the hooks are Evennia's at_pre_move / at_post_move. */
    public void moveTo(PlayerCharacter character, Room destination, String exitName) {
        String from = character.room();
        if (from != null) {
            msgContents(from, Markup.escape(character.name()) + " leaves " + Markup.escape(exitName) + ".",
                    character.id());
        }
        PlayerCharacter moved = character.moveTo(destination.id());
        put(moved);
        msgContents(destination.id(), Markup.escape(character.name()) + " arrives.", character.id());
    }
}
