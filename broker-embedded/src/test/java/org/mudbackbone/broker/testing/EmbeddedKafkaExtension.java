package org.mudbackbone.broker.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.mudbackbone.broker.embedded.EmbeddedKafka;

/**
 * Gives a test the embedded KRaft broker, started once per test JVM on free ports and stopped when
 * the JVM's tests are done. Use with {@code @ExtendWith} and a {@link KafkaBroker} parameter.
 */
public final class EmbeddedKafkaExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(EmbeddedKafkaExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == KafkaBroker.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent("broker", key -> SharedBroker.start(), SharedBroker.class);
    }

    /** Held in the root store, so JUnit closes it once, after the last test of the JVM. */
    static final class SharedBroker implements KafkaBroker, AutoCloseable {
        private final EmbeddedKafka kafka;
        private final Path dataDir;

        private SharedBroker(EmbeddedKafka kafka, Path dataDir) {
            this.kafka = kafka;
            this.dataDir = dataDir;
        }

        static SharedBroker start() {
            try {
                Path dir = Files.createTempDirectory("mud-test-kafka");
                return new SharedBroker(EmbeddedKafka.start(dir, 0, 0), dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String bootstrapServers() {
            return kafka.bootstrapServers();
        }

        @Override
        public void close() throws IOException {
            kafka.close();
            try (var files = Files.walk(dataDir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
