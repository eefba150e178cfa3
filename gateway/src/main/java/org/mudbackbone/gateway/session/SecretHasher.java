package org.mudbackbone.gateway.session;

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
