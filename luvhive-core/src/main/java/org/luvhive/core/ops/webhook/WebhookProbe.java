package org.luvhive.core.ops.webhook;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.luvhive.core.FailureText;
import org.luvhive.core.config.Secret;

/**
 * Tests a webhook URL the way Telegram uses it, without creating an update: a POST with
 * the right secret and an empty body must be refused as malformed (400), which proves the
 * endpoint is LuvHive's and the secrets match; one with a wrong secret must be refused as
 * unauthorised (401). Neither body is an update, so nothing reaches the inbox or the
 * quarantine (the bot refuses an empty body before storing anything). For https
 * URLs it also reads the certificate ({@link TlsInspector}). Thread-safe.
 */
public final class WebhookProbe {

    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
    private static final String SECRET_ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";

    private final Clock clock;
    private final Duration timeout;
    private final SSLContext sslContext;

    /** With the JVM's trusted certificates, as Telegram trusts the public ones. */
    public WebhookProbe(Clock clock, Duration timeout) {
        this(clock, timeout, defaultContext());
    }

    /** With other trusted certificates (tests with a certificate of their own). */
    public WebhookProbe(Clock clock, Duration timeout, SSLContext sslContext) {
        this.clock = clock;
        this.timeout = timeout;
        this.sslContext = sslContext;
    }

    public WebhookReport probe(URI url, Secret secret) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).sslContext(sslContext)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        Optional<TlsReport> tls = "https".equalsIgnoreCase(url.getScheme())
                ? new TlsInspector(clock, timeout, sslContext).inspect(url)
                : Optional.empty();
        ProbeResult rightSecret = send(client, url, secret.reveal(), "right secret, empty body", 400);
        ProbeResult wrongSecret = send(client, url, otherSecretThan(secret), "wrong secret", 401);
        return new WebhookReport(url, List.of(rightSecret, wrongSecret), tls);
    }

    private ProbeResult send(HttpClient client, URI url, String secret, String name, int expected) {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout)
                .header(SECRET_HEADER, secret).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        long started = System.nanoTime();
        try {
            int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            Duration latency = Duration.ofNanos(System.nanoTime() - started);
            return new ProbeResult(name, expected, Optional.of(status), latency, Optional.empty(),
                    expected == 400 ? verdictWithRightSecret(status) : verdictWithWrongSecret(status));
        } catch (IOException failure) {
            String reason = describe(failure);
            return new ProbeResult(name, expected, Optional.empty(), Duration.ofNanos(System.nanoTime() - started),
                    Optional.of(reason), "no answer: " + reason);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return new ProbeResult(name, expected, Optional.empty(), Duration.ofNanos(System.nanoTime() - started),
                    Optional.of("interrupted"), "no answer: interrupted");
        }
    }

    static String verdictWithRightSecret(int status) {
        if (status == 400) {
            return "refused as malformed: the endpoint is LuvHive's webhook and SECRET_TOKEN matches";
        }
        if (status == 401 || status == 403) {
            return "answered " + status + " to our SECRET_TOKEN: the bot behind this URL has another secret (or a proxy"
                    + " drops the " + SECRET_HEADER + " header); Telegram's deliveries are refused alike";
        }
        if (status >= 200 && status < 300) {
            return "answered " + status + " to an empty body: this is not LuvHive's webhook (another program or a"
                    + " proxy answers at this URL)";
        }
        return common(status, 400);
    }

    static String verdictWithWrongSecret(int status) {
        if (status == 401) {
            return "refused as unauthorised: the endpoint checks the secret";
        }
        if (status == 400 || status >= 200 && status < 300) {
            return "answered " + status + " to a wrong secret: the endpoint does not check the secret, anyone can"
                    + " post updates to it";
        }
        return common(status, 401);
    }

    private static String common(int status, int expected) {
        if (status == 404) {
            return "answered 404: no webhook at this path (check EXTERNAL_URL's path and the bot id in the URL)";
        }
        if (status == 502 || status == 503 || status == 504) {
            return "answered " + status + ": a proxy in front of the bot cannot reach it (the bot is down, or"
                    + " listens on another port than the proxy forwards to)";
        }
        if (status >= 500) {
            return "answered " + status + ": the endpoint fails";
        }
        if (status >= 300 && status < 400) {
            return "answered " + status + " (a redirect): Telegram does not follow redirects; use the final URL";
        }
        return "answered " + status + ", expected " + expected;
    }

    private static String describe(IOException failure) {
        if (failure instanceof HttpConnectTimeoutException || failure instanceof HttpTimeoutException) {
            return "timed out (" + failure.getMessage() + ")";
        }
        if (failure instanceof ConnectException) {
            return "connection refused (nothing listens there, or a firewall rejects it)";
        }
        if (failure instanceof SSLException || failure.getCause() instanceof SSLException) {
            return "TLS handshake failed: " + FailureText.ofRootCause(failure);
        }
        return FailureText.ofRootCause(failure);
    }

    /** A well-formed secret that is certainly not ours. */
    static String otherSecretThan(Secret secret) {
        SecureRandom random = new SecureRandom();
        while (true) {
            StringBuilder candidate = new StringBuilder(32);
            for (int index = 0; index < 32; index++) {
                candidate.append(SECRET_ALPHABET.charAt(random.nextInt(SECRET_ALPHABET.length())));
            }
            if (!secret.matches(candidate.toString())) {
                return candidate.toString();
            }
        }
    }

    private static SSLContext defaultContext() {
        try {
            return SSLContext.getDefault();
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("the JVM has no default TLS context", impossible);
        }
    }
}
