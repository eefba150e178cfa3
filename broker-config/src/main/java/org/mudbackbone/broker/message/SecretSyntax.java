package org.mudbackbone.broker.message;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Commands whose last word is a secret, as in {@code connect <name> <password>}.
 *
 * <p>Part of the contract so that the gateway can take the secret off such a line before the line is
 * published: the world receives {@code connect <name>}, answers with an
 * {@link GameOutput.AskSecret}, and the gateway answers that with the hash of the secret it kept.
 * Without this, a password typed on the command line would sit in Kafka in plaintext.
 */
public final class SecretSyntax {

    private static final Set<String> VERBS = Set.of("connect", "create", "co", "cr");

    private SecretSyntax() {}

    /** A line split into the part to publish and the secret to keep at the gateway. */
    public record Split(String publicPart, String secret) {}

    /** Splits {@code verb name secret...} into {@code verb name} and the secret; empty for any other line. */
    public static Optional<Split> split(String line) {
        String trimmed = line.strip();
        String[] words = trimmed.split("\\s+", 3);
        if (words.length < 3 || !VERBS.contains(words[0].toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        return Optional.of(new Split(words[0] + " " + words[1], words[2]));
    }
}
