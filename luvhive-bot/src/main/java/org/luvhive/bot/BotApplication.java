package org.luvhive.bot;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.luvhive.bot.http.BotHttpEndpoints;
import org.luvhive.bot.http.DatabaseCheck;
import org.luvhive.bot.http.ReadinessMonitor;
import org.luvhive.bot.http.TelegramCheck;
import org.luvhive.bot.intake.IntakeControl;
import org.luvhive.bot.maintenance.MaintenanceScheduler;
import org.luvhive.core.LuvhiveVersion;
import org.luvhive.core.Maintenance;
import org.luvhive.core.bot.BotFeatures;
import org.luvhive.core.caches.CacheRegistry;
import org.luvhive.core.caches.CacheSettings;
import org.luvhive.core.config.BotToken;
import org.luvhive.core.config.LuvhiveConfig;
import org.luvhive.core.db.Database;
import org.luvhive.core.db.DatabaseConnector;
import org.luvhive.core.db.DatabaseInfo;
import org.luvhive.core.db.InstanceName;
import org.luvhive.core.dbops.DatabaseOps;
import org.luvhive.core.delivery.Outbox;
import org.luvhive.core.delivery.ViolationsLog;
import org.luvhive.core.delivery.WakeSignal;
import org.luvhive.core.limits.LimitsSettings;
import org.luvhive.core.limits.LiveLimits;
import org.luvhive.core.ops.Observability;
import org.luvhive.core.pipeline.DeliveryPipeline;
import org.luvhive.core.settings.OpsSettings;
import org.luvhive.core.settings.OpsSettingsListener;
import org.luvhive.core.settings.RunModeSettings;
import org.luvhive.core.telegram.TelegramBotsGateway;
import org.luvhive.core.telegram.TelegramGateway;
import org.luvhive.core.update.InboxStats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's composition root: everything a running bot is made of, built from the
 * configuration in one place, started in dependency order and stopped in reverse.
 * Thread-safe.
 */
public final class BotApplication implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BotApplication.class);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);

    private final LuvhiveConfig config;
    private final RunnerSettings settings;
    private final PrometheusMeterRegistry registry;
    private final Database database;
    private final AtomicReference<TelegramBotsGateway> gateway;
    private final AtomicReference<TelegramBotsGateway> probeGateway;
    private final OpsSettingsListener settingsListener;
    private final LiveLimits limits;
    private final BotFeatures features;
    private final DeliveryPipeline pipeline;
    private final MaintenanceScheduler maintenance;
    private final IntakeControl intake;
    private final TokenWatcher tokenWatcher;
    private final DatabaseWatcher databaseWatcher;
    private final BotHttpEndpoints http;
    private final CacheRegistry caches;
    private final Observability observability;
    private final DatabaseOps databaseOps;
    private final CountDownLatch stopped = new CountDownLatch(1);

    private BotApplication(Supplier<LuvhiveConfig> configSource, LuvhiveConfig config, RunnerSettings settings,
                           PrometheusMeterRegistry registry, Database database, Clock clock, String instance,
                           BotFeatures.Factory featuresFactory) {
        this.config = config;
        this.settings = settings;
        this.registry = registry;
        this.database = database;
        BotToken token = config.requireBotToken();
        ObjectMapper mapper = new ObjectMapper();
        this.gateway = new AtomicReference<>(new TelegramBotsGateway(token, config.telegramApiUrl()));
        this.probeGateway = new AtomicReference<>(
                new TelegramBotsGateway(token, config.telegramApiUrl(), PROBE_TIMEOUT));
        Supplier<TelegramGateway> currentGateway = gateway::get;
        OpsSettings opsSettings = new OpsSettings(database.jdbi(), clock);
        this.limits = new LiveLimits(new LimitsSettings(opsSettings, mapper));
        this.settingsListener = new OpsSettingsListener(database::openDedicatedConnection, opsSettings,
                OpsSettingsListener.FALLBACK_REFRESH, clock);
        this.caches = new CacheRegistry(registry, CacheSettings.of(config));
        this.observability = new Observability(registry, database.jdbi(), clock, instance,
                Observability.Settings.defaults());
        this.databaseOps = new DatabaseOps(database, clock, instance, settings.databaseOps());
        observability.bindJvmMetrics();
        WakeSignal sends = new WakeSignal();
        Outbox outbox = new Outbox(mapper, clock, sends::signal);
        ViolationsLog violations = new ViolationsLog(config.logDir(), mapper);
        this.features = featuresFactory.create(database.jdbi(), outbox, caches, registry, violations);
        this.pipeline = DeliveryPipeline.create(database, outbox, sends, features.router(), features.deliveryEvents(),
                currentGateway, limits, violations, mapper, clock, registry, settings.pipeline());
        caches.watch("chat_rate_buckets", pipeline.chatLimiter()::size); // rate-limit state: watched, never cleared
        this.maintenance = new MaintenanceScheduler(registry);
        scheduleMaintenance(clock);
        features.startupCalls().forEach(call -> maintenance.startupCall(currentGateway, call));
        this.intake = new IntakeControl(config, new RunModeSettings(opsSettings), currentGateway, pipeline.inbox(),
                database::openDedicatedConnection, settings.pollTimeout(), settings.electionTick(), registry, violations,
                clock);
        this.tokenWatcher = new TokenWatcher(configSource,
                next -> new TelegramBotsGateway(next, config.telegramApiUrl()),
                next -> new TelegramBotsGateway(next, config.telegramApiUrl(), PROBE_TIMEOUT), gateway, probeGateway);
        this.databaseWatcher = new DatabaseWatcher(configSource, config, database, new DatabaseConnector(registry),
                caches, clock);
        this.http = BotHttpEndpoints.create(config, clock, registry, "/telegram/" + token.botId(), pipeline.inbox(),
                List.of(new ReadinessMonitor.Scheduled(new DatabaseCheck(database.dataSource()), Duration.ofSeconds(2)),
                        new ReadinessMonitor.Scheduled(new TelegramCheck(probeGateway::get), Duration.ofSeconds(10))));
    }

    private void scheduleMaintenance(Clock clock) {
        QueueGauges gauges = new QueueGauges(pipeline.stats(), new InboxStats(database.jdbi()), registry, clock);
        maintenance.every(new Maintenance("queue-gauges", Duration.ofSeconds(5), gauges));
        pipeline.maintenance().forEach(maintenance::every);
        features.maintenance().forEach(maintenance::every);
        observability.maintenance().forEach(maintenance::every);
        databaseOps.maintenance().forEach(maintenance::every);
    }

    /** Builds and starts the bot from a configuration read once (no live token rotation). */
    public static BotApplication start(LuvhiveConfig config, Clock clock, RunnerSettings settings,
                                       BotFeatures.Factory features) {
        return start(() -> config, clock, settings, features);
    }

    /**
     * Builds and starts the bot: database opened and migrated, pipeline, intake and HTTP
     * server running. {@code configSource} is read now, again when a token rotation is
     * announced, and every second for the database it names ({@link DatabaseWatcher}).
     */
    public static BotApplication start(Supplier<LuvhiveConfig> configSource, Clock clock, RunnerSettings settings,
                                       BotFeatures.Factory features) {
        LuvhiveConfig config = configSource.get();
        BotToken token = config.requireBotToken();
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        // how this instance is named in alert state, pool reports and its sessions' application_name
        String instance = settings.instance().orElseGet(InstanceName::ofThisProcess);
        Database database = new DatabaseConnector(registry).open(config, "luvhive-bot", instance);
        BotApplication application;
        try {
            database.dedicatedConnections().requireAvailable(); // behind PgBouncer without DATABASE_DIRECT_URL: say so now
            int applied = database.migrate();
            DatabaseInfo info = DatabaseInfo.of(database);
            LOG.info("LuvHive {} starting as bot {}; database {} (PostgreSQL {}), schema {}{}",
                    LuvhiveVersion.current(), token.botId(), info.url(), info.serverVersion(),
                    info.schemaVersion().orElse("none"),
                    applied > 0 ? " (" + applied + " migration(s) applied now)" : "");
            application = new BotApplication(configSource, config, settings, registry, database, clock, instance,
                    features);
        } catch (RuntimeException failure) {
            database.close();
            throw failure;
        }
        try {
            application.startParts();
            return application;
        } catch (RuntimeException failure) {
            // a part that started (the HTTP server's threads, the settings listener) would keep a
            // half-started bot alive, answering /healthz while doing nothing; close() stops them
            // all and the database once (an embedded server refuses a second stop)
            try {
                application.close();
            } catch (RuntimeException alsoFailed) {
                failure.addSuppressed(alsoFailed);
            }
            throw failure;
        }
    }

    private void startParts() {
        http.start();
        settingsListener.start();
        caches.follow(settingsListener);
        features.follow(settingsListener);
        observability.start();
        databaseOps.start(settingsListener);
        limits.follow(settingsListener);
        tokenWatcher.follow(settingsListener);
        pipeline.start();
        intake.start(settingsListener, maintenance, gateway::get);
        databaseWatcher.start();
        http.markServing();
        LOG.info("LuvHive is running: {} mode, webhook on port {}, management on {}:{}, limits {}",
                intake.mode().label(), http.publicPort(), config.management().address().getHostAddress(),
                http.managementPort(), limits.current().describe());
    }

    public LuvhiveConfig config() {
        return config;
    }

    public Database database() {
        return database;
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    public DeliveryPipeline pipeline() {
        return pipeline;
    }

    /** What the bot does (router, delivery events, its maintenance jobs). */
    public BotFeatures features() {
        return features;
    }

    public LiveLimits limits() {
        return limits;
    }

    public TelegramGateway gateway() {
        return gateway.get();
    }

    public IntakeControl intake() {
        return intake;
    }

    /** The webhook's port (the configured one, or the one picked for PORT=0). */
    public int httpPort() {
        return http.publicPort();
    }

    /** The port of /healthz, /readyz and /metrics (the configured one, or the one picked for MANAGEMENT_PORT=0). */
    public int managementPort() {
        return http.managementPort();
    }

    /** Blocks until {@link #close()} is called (from the shutdown hook). */
    public void awaitShutdown() {
        try {
            stopped.await();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Stops intake (HTTP first, then polling), lets handlers and calls in flight finish
     * (up to the grace period), leaves everything unsent in the outbox, closes the pool.
     */
    @Override
    public void close() {
        if (stopped.getCount() == 0) {
            return;
        }
        try {
            databaseWatcher.close();
            http.close();
            intake.close();
            pipeline.stop(settings.shutdownGrace());
            maintenance.close();
            observability.close();
            databaseOps.close();
            tokenWatcher.close();
            settingsListener.close();
            gateway.get().close();
            probeGateway.get().close();
            database.close();
            registry.close();
            LOG.info("LuvHive stopped");
        } finally {
            stopped.countDown();
        }
    }
}
