package org.mudbackbone.gateway.session;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.mudbackbone.broker.message.HashParams;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Hashes a player's secret with Argon2id (Bouncy Castle) on a worker pool, never on an event loop:
 * a login must not stall every other player on the same loop.
 */
public final class SecretHasher implements AutoCloseable {

    private final Scheduler workers = Schedulers.newBoundedElastic(
            Runtime.getRuntime().availableProcessors(), 10_000, "secret-hash");

    /**
     * Hashes one address may have queued or running at once: a real player logs in once, a NAT a
     * few at a time, while each hash costs 19 MiB and a core for a fraction of a second; an address
     * that asks for more is refused, so that nobody can fill the queue for everyone else.
     */
    static final int PER_ADDRESS = 4;

    private final int perAddress;

    public SecretHasher() {
        this(PER_ADDRESS);
    }

    /** @param perAddress hashes one address may have waiting or running at once */
    public SecretHasher(int perAddress) {
        this.perAddress = perAddress;
    }

    /** Refused: the address already has {@link #PER_ADDRESS} hashes waiting. */
    public static final class Busy extends RuntimeException {
        Busy(String address, int perAddress) {
            super(perAddress + " logins already wait to be checked for " + address, null, false, false);
        }
    }

    private final Map<String, Integer> inFlight = new ConcurrentHashMap<>();

    /** As {@link #hash(String, String, HashParams)}, within {@code address}'s share of the workers ({@link Busy} beyond it). */
    public Mono<String> hash(String secret, String saltBase64, HashParams params, String address) {
        return Mono.defer(() -> {
            boolean[] admitted = {false};
            inFlight.compute(address, (a, n) -> {
                int now = n == null ? 0 : n;
                if (now >= perAddress) {
                    return n;
                }
                admitted[0] = true;
                return now + 1;
            });
            if (!admitted[0]) {
                return Mono.error(new Busy(address, perAddress));
            }
            return hash(secret, saltBase64, params)
                    .doFinally(signal -> inFlight.compute(address, (a, n) -> n == null || n <= 1 ? null : n - 1));
        });
    }

    /** The base64 hash of {@code secret}; fails if the parameters are beyond what a gateway agrees to pay. */
    public Mono<String> hash(String secret, String saltBase64, HashParams params) {
        return Mono.fromCallable(() -> hashNow(secret, saltBase64, params)).subscribeOn(workers);
    }

    static String hashNow(String secret, String saltBase64, HashParams params) {
        if (!params.withinLimits()) {
            throw new IllegalArgumentException("hash parameters beyond the gateway's limits: " + params);
        }
        Argon2Parameters argon = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(Base64.getDecoder().decode(saltBase64))
                .withMemoryAsKB(params.memoryKib())
                .withIterations(params.iterations())
                .withParallelism(params.parallelism())
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(argon);
        byte[] password = secret.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[params.length()];
        try {
            generator.generateBytes(password, out);
            return Base64.getEncoder().encodeToString(out);
        } finally {
            Arrays.fill(password, (byte) 0);
        }
    }

    @Override
    public void close() {
        workers.dispose();
    }
}
