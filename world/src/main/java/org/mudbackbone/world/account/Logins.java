package org.mudbackbone.world.account;

import java.util.regex.Pattern;
import org.mudbackbone.broker.markup.Markup;
import org.mudbackbone.broker.message.GameOutput;
import org.mudbackbone.broker.message.HashParams;
import org.mudbackbone.broker.message.SecretProof;
import org.mudbackbone.world.command.LookCommand;
import org.mudbackbone.world.command.WorldRules;
import org.mudbackbone.world.engine.Game;
import org.mudbackbone.world.model.Account;
import org.mudbackbone.world.model.PendingLogin;
import org.mudbackbone.world.model.PlayerCharacter;
import org.mudbackbone.world.model.Room;
import org.mudbackbone.world.model.SessionLink;

/**
 * Creating characters and logging in. The world asks the gateway for the secret (with the salt to
 * hash it with), then judges the hash that comes back.
 */
public final class Logins {

    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z'-]{1,19}");

    private Logins() {}

    public static void startCreate(Game game, SessionLink link, String name, WorldRules rules) {
        if (!NAME.matcher(name).matches()) {
            game.msgSession(link, "A name is 2 to 20 letters (an apostrophe or hyphen may follow the first).");
            return;
        }
        if (game.get(Account.idFor(name)) != null) {
            game.msgSession(link, "That name is taken. Choose another, or {bold}connect{/} if it is yours.");
            return;
        }
        String salt = Passwords.newSalt();
        game.put(link.withPending(new PendingLogin(PendingLogin.Kind.CREATE, name, salt)));
        askSecret(game, link, "Choose a password for " + Markup.escape(name) + ": ", salt, rules.hashParams(), null);
    }

    /** What a failed login is told, whether the name or the password was wrong: one answer tells nobody which names exist. */
    static final String WRONG = "{red}Wrong name or password.{/} (New here? {bold}create <name> <password>{/} makes a character.)";

    /**
     * Asks for the password of {@code name}. A name no character has is asked for one too, with a
     * salt made from the name, and refused with the same words as a wrong password.
     */
    public static void startConnect(Game game, SessionLink link, String name, WorldRules rules) {
        if (!NAME.matcher(name).matches()) {
            game.msgSession(link, WRONG);
            return;
        }
        long wait = rules.logins().waitMs(name);
        if (wait > 0) {
            long seconds = Math.max(1, (wait + 999) / 1000);
            game.msgSession(link, "{red}Too many failed logins with that name; try again in " + seconds
                    + (seconds == 1 ? " second.{/}" : " seconds.{/}"));
            return;
        }
        Account account = game.get(Account.idFor(name), Account.class);
        String salt = account != null ? account.salt() : Passwords.saltFor(name);
        String nonce = SecretProof.newNonce();
        game.put(link.withPending(new PendingLogin(PendingLogin.Kind.CONNECT, account != null ? account.name() : name, salt,
                nonce)));
        askSecret(game, link, "Password: ", salt, account != null ? account.params() : rules.hashParams(), nonce);
    }

    /** The gateway's hash of the secret for the session's pending login. */
    public static void answer(Game game, SessionLink link, String hash, WorldRules rules) {
        PendingLogin pending = link.pending();
        if (pending == null) {
            game.msgSession(link, "Nothing was waiting for a password.");
            return;
        }
        game.put(link.withPending(null));
        SessionLink current = game.session(link.session());
        if (pending.kind() == PendingLogin.Kind.CREATE) {
            create(game, current, pending, hash, rules);
        } else {
            connect(game, current, pending, hash, rules);
        }
    }

    private static void create(Game game, SessionLink link, PendingLogin pending, String hash, WorldRules rules) {
        String accountId = Account.idFor(pending.name());
        if (game.get(accountId) != null) {
            game.msgSession(link, "Someone took that name a moment ago. Choose another.");
            return;
        }
        if (!SecretProof.isVerifier(hash)) {
            game.msgSession(link, "{red}That password could not be taken; please create the character again.{/}");
            return;
        }
        String characterId = PlayerCharacter.idFor(pending.name());
        game.put(new Account(accountId, pending.name(), pending.salt(), rules.hashParams(),
                hash, characterId)); // the gateway sent the verifier: kept as it came
        game.put(new PlayerCharacter(characterId, pending.name(), rules.startRoom()));
        game.msgSession(link, "{green}Welcome, " + Markup.escape(pending.name()) + "! Your character is made.{/}");
        attach(game, link, characterId);
    }

    private static void connect(Game game, SessionLink link, PendingLogin pending, String hash, WorldRules rules) {
        Account account = game.get(Account.idFor(pending.name()), Account.class);
        if (account == null || !account.salt().equals(pending.salt()) || pending.nonce() == null
                || !SecretProof.check(account.digest(), pending.nonce(), hash)) {
            rules.logins().failed(pending.name());
            game.msgSession(link, WRONG);
            return;
        }
        rules.logins().succeeded(pending.name());
        game.msgSession(link, "{green}Welcome back, " + Markup.escape(account.name()) + ".{/}");
        attach(game, link, account.character());
    }

    /** The session now controls the character: the gateway is told, and the room sees the arrival. */
    private static void attach(Game game, SessionLink link, String characterId) {
        PlayerCharacter character = game.get(characterId, PlayerCharacter.class);
        boolean wasAwake = !game.controllers(characterId).isEmpty();
        boolean wasLinkDead = game.linkDead(characterId);
        for (SessionLink ghost : game.controllers(characterId)) {
            if (ghost.detachedAt() > 0 && ghost.resumeHash() == null) {
                game.delete(ghost.id()); // a link-dead telnet session: its player is back on this one
            }
        }
        game.put(game.session(link.session()).withCharacter(characterId));
        game.send(link, seq -> new GameOutput.Attach(link.session(), seq, characterId));
        if (wasLinkDead) {
            game.msgContents(character.room(), Markup.escape(character.name()) + " has reconnected.", characterId);
        } else if (!wasAwake) {
            game.msgContents(character.room(), Markup.escape(character.name()) + " has connected.", characterId);
        }
        if (character.colours() != null) {
            game.send(link, seq -> new GameOutput.Preferences(link.session(), seq, character.colours()));
        }
        Room room = game.get(character.room(), Room.class);
        if (room != null) {
            game.msgSession(link, LookCommand.describe(game, room, character));
            game.roomInfo(characterId, room);
        }
        // this game has no combat: the vitals are full, but a client's gauges have something to show
        game.oob(characterId, "Char.Vitals", java.util.Map.of("hp", 100, "maxhp", 100, "mp", 100, "maxmp", 100));
    }

    /** @param nonce this login's nonce, or null for a new account (see {@link SecretProof}) */
    private static void askSecret(Game game, SessionLink link, String prompt, String salt, HashParams params,
            String nonce) {
        game.send(link, seq -> new GameOutput.AskSecret(link.session(), seq, prompt, salt, params, nonce));
    }
}
