package org.mudbackbone.broker.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SecretSyntaxTest {

    @Test
    void takesThePasswordOffConnectAndCreate() {
        assertEquals(new SecretSyntax.Split("connect Alice", "s3cret pass"),
                SecretSyntax.split("connect Alice s3cret pass").orElseThrow());
        assertEquals(new SecretSyntax.Split("CREATE Bob", "pw"), SecretSyntax.split("  CREATE   Bob pw ").orElseThrow());
    }

    @Test
    void leavesOtherLinesAlone() {
        assertTrue(SecretSyntax.split("say connect a b").isEmpty());
        assertTrue(SecretSyntax.split("connect Alice").isEmpty());
        assertTrue(SecretSyntax.split("").isEmpty());
    }

    @Test
    void aLoginLineWithANameButNoSecretExpectsTheSecretAsTheNextLine() {
        assertTrue(SecretSyntax.expectsSecretNext("connect bob"));
        assertTrue(SecretSyntax.expectsSecretNext("  CR   bob "));
        assertTrue(SecretSyntax.expectsSecretNext("co bob"));
        assertFalse(SecretSyntax.expectsSecretNext("connect"), "no name: the world answers with its usage");
        assertFalse(SecretSyntax.expectsSecretNext("connect bob pw"), "the secret is on the line itself");
        assertFalse(SecretSyntax.expectsSecretNext("say bob"));
        assertFalse(SecretSyntax.expectsSecretNext(""));
    }
}
