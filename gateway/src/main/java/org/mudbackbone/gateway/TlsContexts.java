package org.mudbackbone.gateway;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.SelfSignedCertificate;
import java.io.File;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The certificate of every TLS port: from configuration, or self-signed in development mode only. */
final class TlsContexts {

    private static final Logger LOG = LoggerFactory.getLogger(TlsContexts.class);

    private TlsContexts() {}

    static SslContext forServer(GatewayConfig config) {
        try {
            if (!config.tlsCertificate().isEmpty()) {
                return SslContextBuilder.forServer(new File(config.tlsCertificate()), new File(config.tlsKey())).build();
            }
            if (!org.mudbackbone.broker.topic.TopicSettings.devMode()) {
                // players would be told to trust a certificate nobody can check: refuse to start instead
                throw new IllegalStateException("a TLS port is on but no certificate is set: set mud.gateway.tls-certificate"
                        + " and tls-key (MUD_TLS_CERTIFICATE, MUD_TLS_KEY), or turn the TLS ports off (-1);"
                        + " only development mode (MUD_DEV_MODE=true) uses a self-signed certificate");
            }
            SelfSignedCertificate self = new SelfSignedCertificate("localhost");
            LOG.warn("TLS ports use a self-signed certificate (set mud.gateway.tls-certificate and tls-key in production)");
            return SslContextBuilder.forServer(self.certificate(), self.privateKey()).build();
        } catch (SSLException | java.security.cert.CertificateException e) {
            throw new IllegalStateException("cannot set up TLS", e);
        }
    }
}
