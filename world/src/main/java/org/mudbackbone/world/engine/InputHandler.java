package org.mudbackbone.world.engine;

import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;
import org.mudbackbone.broker.markup.Markup;
import org.mudbackbone.broker.message.GameOutput;
import org.mudbackbone.broker.message.PlayerInput;
import org.mudbackbone.world.account.Logins;
import org.mudbackbone.world.command.Commands;
import org.mudbackbone.world.command.LookCommand;
import org.mudbackbone.world.command.WorldRules;
import org.mudbackbone.world.model.PlayerCharacter;
import org.mudbackbone.world.model.SessionLink;
import org.mudbackbone.world.model.TickerState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Does one input: sessions coming and going, typed lines, answered secrets. */
public final class InputHandler {

    private static final Logger LOG = LoggerFactory.getLogger(InputHandler.class);

    private final Commands commands;
    private final WorldRules rules;
    private final Duration maxInputAge;
    private final LongSupplier clock;
    private final List<Ticker> tickers;
    private final GatewayWatch gateways;

    public InputHandler(WorldRules rules) {
        this(rules, new Commands(rules), Duration.ofSeconds(60), System::currentTimeMillis, List.of());
    }

    /**
     * @param maxInputAge a typed line older than this (kept while the world was away) is dropped
     *                    with a notice instead of being done late
     * @param clock       epoch milliseconds now
     */
    public InputHandler(WorldRules rules, Commands commands, Duration maxInputAge, LongSupplier clock,
            List<Ticker> tickers) {
        this(rules, commands, maxInputAge, clock, tickers, new GatewayWatch(GatewayWatch.DEFAULT_TIMEOUT,
                GatewayWatch.DEFAULT_RESUME_WINDOW, clock));
    }

    /** @param gateways notices gateways that died or restarted, and ends the sessions they held */
    public InputHandler(WorldRules rules, Commands commands, Duration maxInputAge, LongSupplier clock,
            List<Ticker> tickers, GatewayWatch gateways) {
        this.gateways = gateways;
        this.rules = rules;
        this.commands = commands;
        this.maxInputAge = maxInputAge;
        this.clock = clock;
        this.tickers = List.copyOf(tickers);
    }

    /**
     * Runs the tickers that are due, each at most once however late it is (a world that was away
     * does not make up for the ticks it missed), and schedules each one's next run in state.
     */
    public void runDueTickers(Transaction tx, Outbox outbox) {
        long now = clock.getAsLong();
        for (Ticker ticker : tickers) {
            Game game = new Game(tx, outbox);
            TickerState schedule = game.get(TickerState.idFor(ticker.name()), TickerState.class);
            long period = ticker.period().toMillis();
            if (schedule == null) {
                game.put(new TickerState(TickerState.idFor(ticker.name()), now + period));
            } else if (now >= schedule.nextAt()) {
                tickAlone(ticker, tx, outbox);
                long missed = (now - schedule.nextAt()) / period;
                game.put(new TickerState(schedule.id(), schedule.nextAt() + (missed + 1) * period));
            }
        }
    }

    /**
     * Runs one tick in a nested transaction: a ticker that throws is undone alone and logged, and its
     * next run is still scheduled, so a broken ticker costs one line per period, never the world.
     */
    private void tickAlone(Ticker ticker, Transaction tx, Outbox outbox) {
        Transaction nested = tx.nested();
        int mark = outbox.mark();
        try {
            ticker.tick(new Game(nested, outbox));
            nested.mergeIntoParent();
        } catch (RuntimeException e) {
            outbox.rollback(mark);
            LOG.error("ticker {} failed; nothing it did was kept, it runs again next period", ticker.name(), e);
        }
    }

    /** Ends the sessions of gateways that went silent (see {@link GatewayWatch}); call once per transaction. */
    public void watchGateways(Transaction tx, Outbox outbox) {
        gateways.check(new Game(tx, outbox));
    }

    /** Does all of a batch in {@code tx}; an input that throws is undone alone and its player told. */
    public void handleBatch(Transaction tx, Outbox outbox, Iterable<PlayerInput> inputs) {
        for (PlayerInput input : inputs) {
            Transaction nested = tx.nested();
            int mark = outbox.mark();
            try {
                handle(new Game(nested, outbox), input);
                nested.mergeIntoParent();
            } catch (RuntimeException e) {
                outbox.rollback(mark);
                LOG.error("session {}: input {} ({}) failed", input.session(), input.seq(),
                        input.getClass().getSimpleName(), e);
                SessionLink link = new Game(tx, outbox).session(input.session());
                if (link != null) {
                    new Game(tx, outbox).msgSession(link, "{red}Something went wrong with that; nothing was done.{/}");
                }
            }
        }
    }

    void handle(Game game, PlayerInput input) {
        if (input instanceof PlayerInput.Opened opened) {
            open(game, opened);
            return;
        }
        if (input instanceof PlayerInput.Resume resume) {
            resume(game, resume);
            return;
        }
        if (input instanceof PlayerInput.GatewayAlive alive) {
            gateways.alive(game, alive);
            return;
        }
        SessionLink link = game.session(input.session());
        if (link == null) {
            if (input instanceof PlayerInput.Closed) {
                return; // the world ended the session first (quit): nothing left to close
            }
            LOG.warn("session {}: {} for an unknown session, skipped", input.session(), input.getClass().getSimpleName());
            return;
        }
        if (input.seq() <= link.lastInputSeq()) {
            // a gateway that resent an input whose first send did arrive: done once, so skipped now
            LOG.warn("session {}: input {} skipped, input {} was done already", input.session(), input.seq(),
                    link.lastInputSeq());
            return;
        }
        link = link.withLastInputSeq(input.seq());
        game.put(link);
        if (input instanceof PlayerInput.Line line && tooOld(line)) {
            LOG.info("session {}: input {} typed {} ms ago is past the age limit; not done", input.session(),
                    input.seq(), clock.getAsLong() - line.at());
            game.msgSession(link, "{yellow}You typed \"" + Markup.escape(line.text()) + "\" "
                    + (clock.getAsLong() - line.at()) / 1000 + " s ago, while the world was away; it was not done.{/}");
            if (link.pending() == null) {
                game.prompt(link); // says the line is answered: a gateway holding its password lets go of it
            }
        } else if (input instanceof PlayerInput.Line line) {
            commands.run(game, link, line.text());
            SessionLink after = game.session(link.session());
            if (after != null && after.pending() == null) {
                game.prompt(after); // none while a secret is asked for: the ask is the prompt
            }
        } else if (input instanceof PlayerInput.SecretLine secret) {
            Logins.answer(game, link, secret.hash(), rules);
            game.prompt(link);
        } else if (input instanceof PlayerInput.Closed) {
            close(game, link);
        } else if (input instanceof PlayerInput.ResumeToken token) {
            game.put(link.withResumeHash(token.tokenHash()));
        } else if (input instanceof PlayerInput.Detached detached) {
            game.put(link.detached(detached.at()));
        }
        // ClientInfo and Oob: the sample game has no use for them yet; a game reads them here
    }

    private boolean tooOld(PlayerInput.Line line) {
        return clock.getAsLong() - line.at() > maxInputAge.toMillis();
    }

    private void open(Game game, PlayerInput.Opened opened) {
        SessionLink link = new SessionLink(SessionLink.idFor(opened.session()), opened.session(), opened.gateway(),
                null, 0, opened.seq(), null);
        game.put(link);
        LOG.info("session {} opened on gateway {} ({} from {})", opened.session(), opened.gateway(),
                opened.protocol(), opened.address());
        game.msgSession(link, LookCommand.BANNER);
        game.prompt(link);
    }

    /**
     * A client came to a gateway with a resume token: the session holding it moves to that gateway,
     * its client gets the next token, and the gateway it leaves forgets it. The answer goes to the
     * request's own ID, since the asking gateway does not know the session yet.
     */
    private void resume(Game game, PlayerInput.Resume request) {
        SessionLink link = game.sessionHoldingToken(request.tokenHash());
        if (link == null) {
            LOG.info("resume request {} from gateway {} refused: no session holds that token", request.session(),
                    request.gateway());
            game.sendTo(request.gateway(), request.session(), seq -> new GameOutput.ResumeRefused(request.session(), seq));
            return;
        }
        String from = link.gateway();
        game.put(link.movedTo(request.gateway(), request.nextTokenHash()));
        game.sendTo(request.gateway(), request.session(), seq -> new GameOutput.Resumed(request.session(), seq,
                link.session(), link.character(), link.lastInputSeq() + 1, from, link.detachedAt()));
        if (!from.equals(request.gateway())) {
            game.sendTo(from, link.session(), seq -> new GameOutput.Moved(link.session(), seq, request.gateway()));
        }
        LOG.info("session {} resumed on gateway {} ({} from {}), was on gateway {}", link.session(), request.gateway(),
                request.protocol(), request.address(), from);
    }

    private void close(Game game, SessionLink link) {
        game.endSession(link);
        LOG.info("session {} closed", link.session());
    }
}
