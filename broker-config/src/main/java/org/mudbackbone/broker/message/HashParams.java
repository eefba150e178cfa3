package org.mudbackbone.broker.message;

/**
 * How a gateway hashes a secret before it leaves the gateway: Argon2id with these costs.
 *
 * @param memoryKib   memory cost in KiB
 * @param iterations  time cost
 * @param parallelism lanes
 * @param length      bytes of output
 */
public record HashParams(String algorithm, int memoryKib, int iterations, int parallelism, int length) {

    public static final String ARGON2ID = "argon2id";

    /** OWASP's first recommended Argon2id setting (19 MiB, 2 passes, 1 lane). */
    public static HashParams recommended() {
        return new HashParams(ARGON2ID, 19 * 1024, 2, 1, 32);
    }

    /** Costs a gateway agrees to pay: a world cannot make a gateway spend more than this per login. */
    public boolean withinLimits() {
        return ARGON2ID.equals(algorithm)
                && memoryKib >= 8 && memoryKib <= 256 * 1024
                && iterations >= 1 && iterations <= 10
                && parallelism >= 1 && parallelism <= 4
                && length >= 16 && length <= 64;
    }
}
