package org.mudbackbone.world.engine;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import org.mudbackbone.broker.markup.Markup;
import org.mudbackbone.broker.message.PlayerInput;
import org.mudbackbone.world.model.PlayerCharacter;
import org.mudbackbone.world.model.SessionLink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices gateways that died or restarted, from their {@code gateway-alive} inputs. The sessions they
 * held go link-dead, as MUDs do: the character stays in the game (its room hears it lost its link,
 * {@code who} marks it), a player who reconnects on any gateway takes it back ({@code connect}, or a
 * resume, which also shows what was missed: a resumable session's output is still written for it),
 * and after the window a session nobody took back ends. A telnet session can never come back, so
 * nothing more is written for it. Memory only: a world that takes over starts every gateway's clock afresh, so
 * a gateway that died while no world led is noticed one timeout after the new world begins.
 */
public final class GatewayWatch {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayWatch.class);

    /** Five missed beats of a gateway's 2-second heartbeat. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    /** The gateways' own default resume window: after it a lost client's session ends. */
    public static final Duration DEFAULT_RESUME_WINDOW = Duration.ofMinutes(10);

    /** What is known of one gateway: its latest incarnation and when it was last heard (or first looked for). */
    private record Heard(String incarnation, long at) {}

    private final Duration timeout;
    private final Duration resumeWindow;
    private final LongSupplier clock;
    private final Map<String, Heard> heard = new HashMap<>();
    private long lastCheck = -1;

    public GatewayWatch(Duration timeout, Duration resumeWindow, LongSupplier clock) {
        this.timeout = timeout;
        this.resumeWindow = resumeWindow;
        this.clock = clock;
    }

    /** A gateway's heartbeat; a new incarnation means the sessions of the one before are gone. */
    void alive(Game game, PlayerInput.GatewayAlive alive) {
        Heard before = heard.put(alive.gateway(), new Heard(alive.incarnation(), clock.getAsLong()));
        if (before == null) {
            LOG.info("gateway {} is alive (incarnation {})", alive.gateway(), alive.incarnation());
        } else if (before.incarnation() != null && !before.incarnation().equals(alive.incarnation())) {
            LOG.info("gateway {} restarted (incarnation {} after {}): its earlier sessions are gone", alive.gateway(),
                    alive.incarnation(), before.incarnation());
            endSessionsOf(game, alive.gateway(), "restarted");
        }
    }

    /** Ends the sessions of gateways silent for longer than the timeout; once per transaction. */
    void check(Game game) {
        long now = clock.getAsLong();
        if (lastCheck >= 0 && now - lastCheck > timeout.toMillis() / 2) {
            // the world itself heard nobody for a while (broker away, a long stall, standing by): no gateway is blamed
            heard.replaceAll((gateway, last) -> new Heard(last.incarnation(), now));
        }
        lastCheck = now;
        for (String gateway : game.gatewaysHoldingSessions()) {
            Heard last = heard.computeIfAbsent(gateway, g -> new Heard(null, now));
            if (now - last.at() > timeout.toMillis()) {
                endSessionsOf(game, gateway, "silent for " + (now - last.at()) / 1000 + " s");
            }
        }
    }

    private void endSessionsOf(Game game, String gateway, String why) {
        long now = clock.getAsLong();
        int ended = 0;
        int linkDead = 0;
        for (SessionLink link : game.sessionsOn(gateway)) {
            if (link.detachedAt() == 0) {
                game.put(link.detached(now));
                linkDead++;
                if (link.character() != null && game.linkDead(link.character())) {
                    PlayerCharacter character = game.get(link.character(), PlayerCharacter.class);
                    if (character != null) {
                        game.msgContents(character.room(), Markup.escape(character.name()) + " has lost their link.",
                                character.id());
                    }
                }
            } else if (now - link.detachedAt() > resumeWindow.toMillis()) {
                game.endSession(link);
                ended++;
            }
        }
        if (ended > 0 || linkDead > 0) {
            LOG.info("gateway {} lost ({}): {} session(s) link-dead, {} ended after waiting {} s", gateway, why,
                    linkDead, ended, resumeWindow.toSeconds());
        }
    }
}
