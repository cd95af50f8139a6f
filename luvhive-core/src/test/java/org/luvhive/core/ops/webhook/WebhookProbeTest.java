package org.luvhive.core.ops.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.luvhive.core.config.Secret;

/**
 * The probe against small servers that answer as a webhook would, right or wrong, over
 * http and over https with a certificate made for the test by keytool.
 */
class WebhookProbeTest {

    private static final Secret SECRET = Secret.of("probe_secret-1");
    private static final char[] PASSWORD = "changeit".toCharArray();

    @TempDir
    static Path directory;
    private static Path keystore;

    @BeforeAll
    static void certificate() throws Exception {
        keystore = directory.resolve("webhook.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "webhook", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "10",
                "-dname", "CN=webhook.test, O=LuvHive drills", "-ext", "SAN=dns:webhook.test,ip:127.0.0.1",
                "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass", new String(PASSWORD))
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(output).isZero();
    }

    @Test
    void luvHivesAnswersAreOk() throws Exception {
        HttpServer server = webhook(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0), SECRET.reveal());
        try {
            WebhookReport report = probe(SSLContext.getDefault()).probe(url("http", server), SECRET);

            assertThat(report.ok()).as(report.problems().toString()).isTrue();
            assertThat(report.requests()).extracting(ProbeResult::status)
                    .containsExactly(Optional.of(400), Optional.of(401));
            assertThat(report.tls()).isEmpty();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void anEndpointThatTakesAnythingIsFoundOut() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        AtomicInteger requests = new AtomicInteger();
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            answer(exchange, 200);
        });
        server.start();
        try {
            WebhookReport report = probe(SSLContext.getDefault()).probe(url("http", server), SECRET);

            assertThat(report.ok()).isFalse();
            assertThat(report.problems()).containsExactly(
                    "answered 200 to an empty body: this is not LuvHive's webhook (another program or a proxy answers"
                            + " at this URL)",
                    "answered 200 to a wrong secret: the endpoint does not check the secret, anyone can post updates"
                            + " to it");
            assertThat(requests).hasValue(2);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aProxyWhoseBotIsGoneSaysSo() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> answer(exchange, 502));
        server.start();
        try {
            WebhookReport report = probe(SSLContext.getDefault()).probe(url("http", server), SECRET);

            assertThat(report.problems()).hasSize(2).allMatch(problem -> problem.startsWith(
                    "answered 502: a proxy in front of the bot cannot reach it"));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void anUntrustedCertificateIsReadAndRefused() throws Exception {
        HttpsServer server = https();
        try {
            WebhookReport report = probe(SSLContext.getDefault()).probe(url("https", server), SECRET);

            assertThat(report.ok()).isFalse();
            TlsReport tls = report.tls().orElseThrow();
            assertThat(tls.subject()).contains("CN=webhook.test");
            assertThat(tls.issuer()).isEqualTo(tls.subject()); // self-signed
            assertThat(tls.names()).containsExactlyInAnyOrder("webhook.test", "127.0.0.1");
            assertThat(tls.daysLeft()).isBetween(8L, 10L);
            assertThat(tls.problem()).hasValueSatisfying(problem -> assertThat(problem).containsIgnoringCase("path"));
            assertThat(report.requests()).allSatisfy(request ->
                    assertThat(request.verdict()).startsWith("no answer: TLS handshake failed"));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aTrustedCertificateIsShownWithItsExpiryAndWarnedAboutWhenItEndsSoon() throws Exception {
        HttpsServer server = https();
        try {
            WebhookReport report = probe(trusting()).probe(url("https", server), SECRET);

            assertThat(report.ok()).as(report.problems().toString()).isTrue();
            TlsReport tls = report.tls().orElseThrow();
            assertThat(tls.trusted()).isTrue();
            assertThat(report.warnings()).singleElement().asString().startsWith("TLS: the certificate expires in");

            Clock afterExpiry = Clock.fixed(tls.notAfter().plus(Duration.ofDays(2)), ZoneOffset.UTC);
            WebhookReport late = new WebhookProbe(afterExpiry, Duration.ofSeconds(5), trusting())
                    .probe(url("https", server), SECRET);
            assertThat(late.tls().orElseThrow().problem()).hasValueSatisfying(problem ->
                    assertThat(problem).startsWith("the certificate expired on"));
            assertThat(late.ok()).isFalse();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void theWrongSecretIsNeverOurs() {
        for (int attempt = 0; attempt < 100; attempt++) {
            assertThat(WebhookProbe.otherSecretThan(SECRET)).matches("[A-Za-z0-9_-]{32}").isNotEqualTo(SECRET.reveal());
        }
    }

    private static WebhookProbe probe(SSLContext context) {
        return new WebhookProbe(Clock.systemUTC(), Duration.ofSeconds(5), context);
    }

    /** Answers as the bot's WebhookHandler does to bodies that are not updates. */
    private static <S extends HttpServer> S webhook(S server, String secret) {
        server.createContext("/", exchange -> {
            String presented = exchange.getRequestHeaders().getFirst(WebhookProbe.SECRET_HEADER);
            try (InputStream body = exchange.getRequestBody()) {
                byte[] bytes = body.readAllBytes();
                answer(exchange, !secret.equals(presented) ? 401 : bytes.length == 0 ? 400 : 200);
            }
        });
        server.start();
        return server;
    }

    private static void answer(HttpExchange exchange, int status) throws IOException {
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    private HttpsServer https() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(context));
        return webhook(server, SECRET.reveal());
    }

    private static SSLContext trusting() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD);
        }
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        trusted.setCertificateEntry("webhook", store.getCertificate("webhook"));
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    private static URI url(String scheme, HttpServer server) {
        return URI.create(scheme + "://127.0.0.1:" + server.getAddress().getPort() + "/telegram/1");
    }
}
