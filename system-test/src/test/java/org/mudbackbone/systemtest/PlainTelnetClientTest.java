package org.mudbackbone.systemtest;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mudbackbone.broker.testing.EmbeddedKafkaExtension;
import org.mudbackbone.broker.testing.KafkaBroker;

/** A plain telnet client (inetutils), which agrees to no MUD option, still plays. */
@ExtendWith(EmbeddedKafkaExtension.class)
class PlainTelnetClientTest {

    private static final Optional<Path> TELNET = RealClients.find("telnet");

    @Test
    void plainTelnetWithNoMudOptionsStillPlays(KafkaBroker broker) throws Exception {
        assumeTrue(TELNET.isPresent(), "telnet is not installed (Debian package inetutils-telnet): skipped");
        try (Stack stack = Stack.start(broker.bootstrapServers())) {
            // typed ahead: lines sent during the negotiation phase wait for the session, in order
            String typed = "create Plainy plain-password-1\r\nnorth\r\nquit\r\n";
            String output = RealClients.run(List.of("sh", "-c",
                    "(printf '" + typed.replace("\r\n", "\\r\\n") + "'; sleep 8) | "
                            + TELNET.get() + " 127.0.0.1 " + stack.telnetPort()), null, 30);

            assertTrue(output.contains("Welcome, Plainy!"), output);
            assertTrue(output.contains("North Road"), output);
            assertTrue(output.contains("Goodbye!"), output);
        }
    }
}
