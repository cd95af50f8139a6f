package org.luvhive.bot;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.luvhive.bot.intake.LongPollingIntake;
import org.luvhive.core.LuvhiveVersion;
import org.luvhive.core.config.BotToken;
import org.luvhive.core.config.LuvhiveConfig;
import org.luvhive.core.config.RunMode;
import org.luvhive.core.db.Database;
import org.luvhive.core.db.DatabaseConnector;
import org.luvhive.core.db.DatabaseInfo;
import org.luvhive.core.delivery.ViolationsLog;
import org.luvhive.core.limits.LimitsSettings;
import org.luvhive.core.limits.LiveLimits;
import org.luvhive.core.ops.OpsSettings;
import org.luvhive.core.ops.OpsSettingsListener;
import org.luvhive.core.ops.Retention;
import org.luvhive.core.pipeline.DeliveryPipeline;
import org.luvhive.core.telegram.TelegramBotsGateway;
import org.luvhive.core.telegram.TelegramGateway;
import org.luvhive.core.update.BotFeatures;
import org.luvhive.core.update.InboxRetention;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's composition root: everything a running bot is made of, built from the
 * configuration in one place, started in dependency order and stopped in reverse.
 * Thread-safe.
 */
public final class BotApplication implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BotApplication.class);

    private final LuvhiveConfig config;
    private final BotSettings settings;
    private final PrometheusMeterRegistry registry;
    private final Database database;
    private final AtomicReference<TelegramBotsGateway> gateway;
    private final OpsSettingsListener settingsListener;
    private final LiveLimits limits;
    private final DeliveryPipeline pipeline;
    private final MaintenanceScheduler maintenance;
    private final LongPollingIntake intake;
    private final CountDownLatch stopped = new CountDownLatch(1);

    private BotApplication(LuvhiveConfig config, BotSettings settings, PrometheusMeterRegistry registry,
                           Database database, Clock clock, FeaturesFactory featuresFactory) {
        this.config = config;
        this.settings = settings;
        this.registry = registry;
        this.database = database;
        BotToken token = config.requireBotToken();
        ObjectMapper mapper = new ObjectMapper();
        this.gateway = new AtomicReference<>(new TelegramBotsGateway(token, config.telegramApiUrl()));
        OpsSettings opsSettings = new OpsSettings(database.jdbi(), clock);
        this.limits = new LiveLimits(new LimitsSettings(opsSettings, mapper));
        this.settingsListener = new OpsSettingsListener(database::openDedicatedConnection, opsSettings,
                Duration.ofSeconds(30));
        BotFeatures[] features = new BotFeatures[1];
        this.pipeline = DeliveryPipeline.create(database, mapper, gateway::get, outbox -> {
            features[0] = featuresFactory.create(database.jdbi(), outbox);
            return features[0];
        }, limits, new ViolationsLog(config.logDir(), mapper), clock, registry, settings.pipeline());
        this.maintenance = new MaintenanceScheduler(registry);
        OutboxGauges gauges = new OutboxGauges(pipeline.stats(), new InboxRetention(database.jdbi()), registry);
        maintenance.every(new BotFeatures.Maintenance("queue-gauges", Duration.ofSeconds(5), gauges));
        maintenance.every(new BotFeatures.Maintenance("retention", Duration.ofHours(1), new Retention(database.jdbi(),
                pipeline.sharedLimiter(), clock, registry, Duration.ofDays(3), Duration.ofDays(14))));
        features[0].maintenance().forEach(maintenance::every);
        features[0].startupCalls().forEach(call -> maintenance.startupCall(gateway::get, call));
        this.intake = config.runMode() == RunMode.POLLING
                ? new LongPollingIntake(gateway::get, pipeline.inbox(), settings.pollTimeout(), registry)
                : null;
    }

    /** Builds and starts the bot: database opened and migrated, pipeline and intake running. */
    public static BotApplication start(LuvhiveConfig config, Clock clock, BotSettings settings,
                                       FeaturesFactory features) {
        BotToken token = config.requireBotToken();
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Database database = new DatabaseConnector(registry).open(config, "luvhive-bot");
        try {
            int applied = database.migrate();
            DatabaseInfo info = DatabaseInfo.of(database);
            LOG.info("LuvHive {} starting as bot {} in {} mode; database {} (PostgreSQL {}), schema {}{}",
                    LuvhiveVersion.current(), token.botId(), config.runMode().label(), info.url(), info.serverVersion(),
                    info.schemaVersion().orElse("none"), applied > 0 ? " (" + applied + " migration(s) applied now)" : "");
            BotApplication application = new BotApplication(config, settings, registry, database, clock, features);
            application.startParts();
            return application;
        } catch (RuntimeException failure) {
            database.close();
            throw failure;
        }
    }

    private void startParts() {
        settingsListener.start();
        limits.follow(settingsListener);
        pipeline.start();
        if (intake != null) {
            intake.start();
        }
        LOG.info("LuvHive is running: {}", describeLimits());
    }

    private String describeLimits() {
        var current = limits.current();
        return "limits " + current.profile() + " (per user " + current.perUser() + "/s, global " + current.global() + "/s)";
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

    public LiveLimits limits() {
        return limits;
    }

    public TelegramGateway gateway() {
        return gateway.get();
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
     * Stops intake, lets handlers and calls in flight finish (up to the grace period),
     * leaves everything unsent in the outbox, closes the pool.
     */
    @Override
    public void close() {
        if (stopped.getCount() == 0) {
            return;
        }
        try {
            if (intake != null) {
                intake.stop();
            }
            pipeline.stop(settings.shutdownGrace());
            maintenance.close();
            settingsListener.close();
            gateway.get().close();
            database.close();
            registry.close();
            LOG.info("LuvHive stopped");
        } finally {
            stopped.countDown();
        }
    }
}
