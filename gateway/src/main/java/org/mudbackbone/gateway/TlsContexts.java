package org.mudbackbone.gateway;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.SelfSignedCertificate;
import java.io.File;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The certificate of every TLS port: from configuration, or self-signed for development. */
final class TlsContexts {

    private static final Logger LOG = LoggerFactory.getLogger(TlsContexts.class);

    private TlsContexts() {}

    static SslContext forServer(GatewayConfig config) {
        try {
            if (!config.tlsCertificate().isEmpty()) {
                return SslContextBuilder.forServer(new File(config.tlsCertificate()), new File(config.tlsKey())).build();
            }
            SelfSignedCertificate self = new SelfSignedCertificate("localhost");
            LOG.warn("TLS ports use a self-signed certificate (set mud.gateway.tls-certificate and tls-key in production)");
            return SslContextBuilder.forServer(self.certificate(), self.privateKey()).build();
        } catch (SSLException | java.security.cert.CertificateException e) {
            throw new IllegalStateException("cannot set up TLS", e);
        }
    }
}
