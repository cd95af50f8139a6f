package org.luvhive.bot.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.luvhive.core.LuvhiveVersion;
import org.luvhive.core.config.ListenAddress;
import org.luvhive.core.config.LuvhiveConfig;
import org.luvhive.core.update.InboxStore;

/**
 * The bot's HTTP side, built in one place: the public listener ({@code PORT}, every
 * interface) serves only Telegram's webhook and answers 404 to everything else; the
 * management listener ({@code MANAGEMENT_BIND}:{@code MANAGEMENT_PORT}, loopback by
 * default) serves {@code /healthz}, {@code /readyz} and {@code /metrics}, the last two
 * from state gathered in the background. Built unstarted; {@link #start()} binds.
 * Thread-safe.
 */
public final class BotHttpEndpoints implements AutoCloseable {

    public static final String PUBLIC = "public";
    public static final String MANAGEMENT = "management";
    /** A readiness result older than this means its check hangs. */
    private static final Duration STALE_AFTER = Duration.ofSeconds(30);

    private final ReadinessMonitor readiness;
    private final BotHttpServer server;

    private BotHttpEndpoints(ReadinessMonitor readiness, BotHttpServer server) {
        this.readiness = readiness;
        this.server = server;
    }

    /**
     * @param webhookPath the webhook's path suffix, {@code /telegram/<bot id>}
     * @param checks      what {@code /readyz} reports, each on its schedule
     */
    public static BotHttpEndpoints create(LuvhiveConfig config, Clock clock, PrometheusMeterRegistry registry,
                                          String webhookPath, InboxStore inbox,
                                          List<ReadinessMonitor.Scheduled> checks) {
        return create(config, clock, registry, webhookPath, inbox, checks, HttpLimits.PUBLIC, HttpLimits.MANAGEMENT);
    }

    static BotHttpEndpoints create(LuvhiveConfig config, Clock clock, PrometheusMeterRegistry registry,
                                   String webhookPath, InboxStore inbox, List<ReadinessMonitor.Scheduled> checks,
                                   HttpLimits publicLimits, HttpLimits managementLimits) {
        ReadinessMonitor readiness = new ReadinessMonitor(checks, clock, STALE_AFTER);
        InetAddress everyInterface = new InetSocketAddress(0).getAddress();
        HttpListener publicListener = new HttpListener(PUBLIC, new ListenAddress(everyInterface, config.port()),
                publicLimits, registry);
        publicListener.suffixRoute(webhookPath, new WebhookHandler(config::secretToken, inbox, registry,
                publicListener.pool(), publicLimits.bodyTimeout()));
        HttpListener management = new HttpListener(MANAGEMENT, config.management(), managementLimits, registry)
                .route("/healthz", new HealthHandler(clock, LuvhiveVersion.current()))
                .route("/readyz", new ReadinessHandler(readiness))
                .route("/metrics", new MetricsHandler(registry));
        return new BotHttpEndpoints(readiness, new BotHttpServer(List.of(publicListener, management)));
    }

    /** Starts the readiness checks and binds both ports. */
    public void start() {
        readiness.start();
        try {
            server.start();
        } catch (RuntimeException failure) {
            readiness.close();
            throw failure;
        }
    }

    /** Every part of the bot has started: {@code /readyz} may answer 200 from now on. */
    public void markServing() {
        readiness.markServing();
    }

    /** The webhook's port (the configured one, or the one picked for {@code PORT=0}). */
    public int publicPort() {
        return server.port(PUBLIC);
    }

    /** The management port (the configured one, or the one picked for {@code MANAGEMENT_PORT=0}). */
    public int managementPort() {
        return server.port(MANAGEMENT);
    }

    @Override
    public void close() {
        server.close();
        readiness.close();
    }
}
