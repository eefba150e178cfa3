package org.mudbackbone.broker.client;

import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;

/**
 * How a service authenticates to the brokers, from the environment (or the matching system
 * properties): {@code MUD_KAFKA_SECURITY_PROTOCOL} ({@code PLAINTEXT}, the default, or
 * {@code SASL_PLAINTEXT}, {@code SASL_SSL}, {@code SSL}), {@code MUD_KAFKA_SASL_MECHANISM}
 * ({@code SCRAM-SHA-512}), {@code MUD_KAFKA_USERNAME} and {@code MUD_KAFKA_PASSWORD}, and for TLS
 * {@code MUD_KAFKA_TRUSTSTORE} (a PEM file of the CA certificates to trust). Every Kafka client a
 * service makes goes through here. Kafka logs the JAAS setting as {@code [hidden]}: the password
 * never reaches a log.
 */
public record ClientSecurity(String protocol, String mechanism, String username, String password, String truststore) {

    public static final ClientSecurity PLAINTEXT = new ClientSecurity("PLAINTEXT", "SCRAM-SHA-512", "", "", "");

    public static ClientSecurity fromEnvironment() {
        return new ClientSecurity(setting("MUD_KAFKA_SECURITY_PROTOCOL", "mud.kafka.security-protocol", "PLAINTEXT"),
                setting("MUD_KAFKA_SASL_MECHANISM", "mud.kafka.sasl-mechanism", "SCRAM-SHA-512"),
                setting("MUD_KAFKA_USERNAME", "mud.kafka.username", ""),
                setting("MUD_KAFKA_PASSWORD", "mud.kafka.password", ""),
                setting("MUD_KAFKA_TRUSTSTORE", "mud.kafka.truststore", ""));
    }

    /** Adds these settings to a client's properties (nothing for plaintext). */
    public Properties applyTo(Properties p) {
        p.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, protocol);
        if (protocol.startsWith("SASL")) {
            if (username.isEmpty()) {
                throw new IllegalStateException(protocol + " needs MUD_KAFKA_USERNAME and MUD_KAFKA_PASSWORD");
            }
            p.put(SaslConfigs.SASL_MECHANISM, mechanism);
            p.put(SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                    + quoted(username) + "\" password=\"" + quoted(password) + "\";");
        }
        if (protocol.endsWith("SSL") && !truststore.isEmpty()) {
            p.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, "PEM");
            p.put(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, truststore);
        }
        return p;
    }

    private static String quoted(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static String setting(String env, String property, String otherwise) {
        String value = System.getProperty(property);
        if (value == null || value.isEmpty()) {
            value = System.getenv(env);
        }
        return value == null || value.isEmpty() ? otherwise : value;
    }

    @Override
    public String toString() { // never the password
        return protocol + (protocol.startsWith("SASL") ? " " + mechanism + " as " + username : "");
    }
}
