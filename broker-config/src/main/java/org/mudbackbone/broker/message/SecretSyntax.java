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

    /**
     * Whether {@code line} is {@code verb name} with no secret on it: the player will type the secret
     * as the next line, and a gateway must keep that line even before the world asks for it, or a
     * password typed ahead would be published as an ordinary line.
     */
    public static boolean expectsSecretNext(String line) {
        String[] words = line.strip().split("\\s+", 3);
        return words.length == 2 && VERBS.contains(words[0].toLowerCase(Locale.ROOT));
    }
}
