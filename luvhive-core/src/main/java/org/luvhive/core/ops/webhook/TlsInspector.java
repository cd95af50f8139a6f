package org.luvhive.core.ops.webhook;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import javax.security.auth.x500.X500Principal;
import org.luvhive.core.FailureText;

/**
 * Reads the certificate an https URL presents: first as a client that trusts what
 * {@code sslContext} trusts and checks the host name (so the problem a client would have
 * is known), then, when that fails, once more accepting anything, only to read the
 * certificate's issuer, names and expiry. Nothing is sent after the handshake. Thread-safe.
 */
final class TlsInspector {

    private static final int SAN_DNS = 2;
    private static final int SAN_IP = 7;

    private final Clock clock;
    private final Duration timeout;
    private final SSLContext trusting;

    TlsInspector(Clock clock, Duration timeout, SSLContext trusting) {
        this.clock = clock;
        this.timeout = timeout;
        this.trusting = trusting;
    }

    /** The certificate and what a client thinks of it; empty when no TLS connection could be made at all. */
    Optional<TlsReport> inspect(URI url) {
        String host = url.getHost();
        int port = url.getPort() < 0 ? 443 : url.getPort();
        try {
            return Optional.of(report(handshake(trusting, host, port, true), Optional.empty()));
        } catch (IOException untrusted) {
            String problem = FailureText.ofRootCause(untrusted);
            try {
                return Optional.of(report(handshake(acceptingAnything(), host, port, false), Optional.of(problem)));
            } catch (IOException | GeneralSecurityException unreachable) {
                return Optional.empty(); // the requests report why the URL cannot be reached
            }
        }
    }

    private X509Certificate handshake(SSLContext context, String host, int port, boolean checkName)
            throws IOException {
        Socket plain = new Socket();
        try {
            plain.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            plain.setSoTimeout((int) timeout.toMillis());
            try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(plain, host, port, true)) {
                if (checkName) {
                    SSLParameters parameters = socket.getSSLParameters();
                    parameters.setEndpointIdentificationAlgorithm("HTTPS");
                    socket.setSSLParameters(parameters);
                }
                socket.startHandshake();
                Certificate[] chain = socket.getSession().getPeerCertificates();
                if (chain.length == 0 || !(chain[0] instanceof X509Certificate leaf)) {
                    throw new IOException("the server presented no X.509 certificate");
                }
                return leaf;
            }
        } finally {
            plain.close();
        }
    }

    private TlsReport report(X509Certificate leaf, Optional<String> problem) {
        Instant notAfter = leaf.getNotAfter().toInstant();
        long daysLeft = Duration.between(clock.instant(), notAfter).toDays();
        Optional<String> expired = daysLeft < 0 || clock.instant().isAfter(notAfter)
                ? Optional.of("the certificate expired on " + notAfter) : Optional.empty();
        return new TlsReport(leaf.getSubjectX500Principal().getName(X500Principal.RFC2253),
                leaf.getIssuerX500Principal().getName(X500Principal.RFC2253), names(leaf), notAfter, daysLeft,
                problem.or(() -> expired));
    }

    private static List<String> names(X509Certificate leaf) {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> alternatives = leaf.getSubjectAlternativeNames();
            if (alternatives != null) {
                for (List<?> alternative : alternatives) {
                    Object type = alternative.get(0);
                    if (type instanceof Integer kind && (kind == SAN_DNS || kind == SAN_IP)) {
                        names.add(String.valueOf(alternative.get(1)));
                    }
                }
            }
        } catch (CertificateParsingException unreadable) {
            names.add("(unreadable: " + unreadable.getMessage() + ")");
        }
        return names;
    }

    /** Only for reading a certificate nobody trusts; never used to send anything. */
    private static SSLContext acceptingAnything() throws GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
                // not a server
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
                // read only: the certificate's details are what we want from this connection
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, null);
        return context;
    }
}
