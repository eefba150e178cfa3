package org.mudbackbone.world.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mudbackbone.broker.message.GameOutput;
import org.mudbackbone.broker.message.PlayerInput;
import org.mudbackbone.broker.message.SecretProof;
import org.mudbackbone.world.model.Account;
import org.mudbackbone.world.model.SessionLink;

class LoginTest {

    private final CommandTester world = new CommandTester();

    private GameOutput.AskSecret lastAsk(String session) {
        return world.sent().stream().filter(o -> o instanceof GameOutput.AskSecret a && a.session().equals(session))
                .map(GameOutput.AskSecret.class::cast).reduce((a, b) -> b).orElseThrow();
    }

    /** Answers as a gateway does: the verifier of a new account, or the proof for this login's nonce. */
    private void answer(String session, String secret) {
        answerAndRead(session, secret);
    }

    private String gatewayAnswer(String session, String secret) {
        String hash = java.util.Base64.getEncoder().encodeToString(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        GameOutput.AskSecret ask = lastAsk(session);
        return ask.nonce() == null ? SecretProof.verifier(hash) : SecretProof.proof(hash, ask.nonce());
    }

    @Test
    void createAsksForASecretWithAFreshSaltThenAttaches() {
        String s = world.guest("s1");
        world.type(s, "create Alice");
        GameOutput.AskSecret ask = lastAsk(s);
        assertEquals(CommandTester.CHEAP, ask.params());

        answer(s, "hash-of-alices-password");

        Account account = (Account) world.state.get("account:alice");
        assertEquals(ask.salt(), account.salt());
        String hash = java.util.Base64.getEncoder().encodeToString("hash-of-alices-password".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(SecretProof.verifier(hash), account.digest(), "only the verifier is stored, never the hash");
        assertEquals("char:alice", ((SessionLink) world.state.get(SessionLink.idFor(s))).character());
        assertEquals(new GameOutput.Attach(s, world.sent().stream()
                .filter(o -> o instanceof GameOutput.Attach).findFirst().orElseThrow().seq(), "char:alice"),
                world.sent().stream().filter(o -> o instanceof GameOutput.Attach).findFirst().orElseThrow());
    }

    @Test
    void connectAcceptsTheRightHashOnlyAndUsesTheAccountsSalt() {
        String first = world.guest("s1");
        world.type(first, "create Alice");
        String salt = lastAsk(first).salt();
        answer(first, "right");

        String second = world.guest("s2");
        world.type(second, "connect alice");
        assertEquals(salt, lastAsk(second).salt());
        answer(second, "wrong");
        assertNull(((SessionLink) world.state.get(SessionLink.idFor(second))).character());

        world.type(second, "connect Alice");
        answer(second, "right");
        assertEquals("char:alice", ((SessionLink) world.state.get(SessionLink.idFor(second))).character());
    }

    @Test
    void namesAreCheckedAndUnique() {
        String s = world.guest("s1");
        world.call(s, "create x", "A name is 2 to 20 letters");
        world.type(s, "create Alice");
        answer(s, "h");
        String other = world.guest("s2");
        world.call(other, "create alice", "That name is taken");
    }

    @Test
    void anUnknownNameIsAskedForAPasswordAndRefusedAsAWrongPasswordIs() {
        String s = world.guest("s1");
        world.type(s, "create Alice");
        answer(s, "right");
        String guesser = world.guest("s2");
        world.type(guesser, "connect Nobody");
        GameOutput.AskSecret unknown = lastAsk(guesser);
        world.type(guesser, "connect Nobody");
        assertEquals(unknown.salt(), lastAsk(guesser).salt(), "the same name is asked with the same salt, as an account is");
        List<String> forNobody = answerAndRead(guesser, "guess");
        world.type(guesser, "connect Alice");
        List<String> forAlice = answerAndRead(guesser, "guess");
        assertEquals(forAlice, forNobody, "a wrong password and a name nobody has get the same answer");
        assertTrue(forNobody.get(0).startsWith("Wrong name or password."), forNobody.toString());
    }

    @Test
    void failedLoginsWithANameMakeTheNextOnesWaitUntilOneSucceeds() {
        String s = world.guest("s1");
        world.type(s, "create Alice");
        answer(s, "right");
        String guesser = world.guest("s2");
        for (int i = 0; i < 3; i++) {
            world.type(guesser, "connect Alice");
            answerAndRead(guesser, "guess-" + i);
        }
        world.call(guesser, "connect Alice", "Too many failed logins with that name; try again in 1 second.");
        world.call(guesser, "connect alice", "Too many failed logins"); // names are one whatever their case
        world.type(world.guest("s3"), "connect Bob");
        assertEquals("Password: ", lastAsk("s3").prompt(), "another name is not slowed");
    }

    private List<String> answerAndRead(String session, String secret) {
        return world.run(new PlayerInput.SecretLine(session, "gw", world.nextSeq(), System.currentTimeMillis(),
                gatewayAnswer(session, secret))).getOrDefault(session, List.of());
    }

    @Test
    void aProofSeenInKafkaDoesNotLogInAgainAndTheStoredVerifierDoesNotLogInAtAll() {
        String s = world.guest("s1");
        world.type(s, "create Alice");
        answer(s, "alices-password");
        String verifier = ((Account) world.state.get(Account.idFor("Alice"))).digest();
        String thief = world.guest("s2");
        world.type(thief, "connect Alice");
        String seen = gatewayAnswer(thief, "alices-password");
        world.run(new PlayerInput.SecretLine(thief, "gw", world.nextSeq(), System.currentTimeMillis(), seen));
        assertEquals("char:alice", ((SessionLink) world.state.get(SessionLink.idFor(thief))).character(), "the real login");

        String replayer = world.guest("s3");
        world.type(replayer, "connect Alice");
        world.run(new PlayerInput.SecretLine(replayer, "gw", world.nextSeq(), System.currentTimeMillis(), seen));
        assertNull(((SessionLink) world.state.get(SessionLink.idFor(replayer))).character(), "a replayed proof: a new nonce");
        world.type(replayer, "connect Alice");
        world.run(new PlayerInput.SecretLine(replayer, "gw", world.nextSeq(), System.currentTimeMillis(), verifier));
        assertNull(((SessionLink) world.state.get(SessionLink.idFor(replayer))).character(), "the verifier from state");
    }

    @Test
    void guestsGetTheLoginCommandsOnly() {
        String s = world.guest("s1");
        world.call(s, "say hi", "You are not logged in");
        world.call(s, "look", "Welcome to the MUD backbone");
        List<String> help = world.type(s, "help").get(s);
        assertFalse(help.get(0).contains("say - "), help.toString());
    }
}
