package org.luvhive.bot.intake;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.luvhive.bot.maintenance.MaintenanceScheduler;
import org.luvhive.core.config.LuvhiveConfig;
import org.luvhive.core.config.RunMode;
import org.luvhive.core.delivery.ViolationsLog;
import org.luvhive.core.settings.OpsSettingsListener;
import org.luvhive.core.settings.RunModeSettings;
import org.luvhive.core.telegram.TelegramGateway;
import org.luvhive.core.update.InboxStore;
import org.luvhive.core.update.UpdateKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;

/**
 * How updates come in, following the cluster's run mode live: in polling mode the
 * elected instance long-polls; in webhook mode nobody polls and Telegram posts to our
 * HTTP endpoint (always served). {@code luvhive switch-mode} calls Telegram itself and
 * stores the new mode; every instance follows within a second. Thread-safe.
 */
public final class IntakeControl implements AutoCloseable {

    /** Telegram's default; enough parallel deliveries for one small bot. */
    public static final int MAX_CONNECTIONS = 40;
    private static final Logger LOG = LoggerFactory.getLogger(IntakeControl.class);

    private final LuvhiveConfig config;
    private final RunModeSettings modes;
    private final PollerElection election;
    private volatile RunMode mode;

    public IntakeControl(LuvhiveConfig config, RunModeSettings modes, Supplier<TelegramGateway> gateway,
                         InboxStore inbox, Supplier<Connection> connections, Duration pollTimeout,
                         Duration electionTick, MeterRegistry registry, ViolationsLog violations, Clock clock) {
        this.config = config;
        this.modes = modes;
        this.mode = modes.mode(config);
        this.election = new PollerElection(connections,
                () -> new LongPollingIntake(gateway, inbox, pollTimeout, registry, violations, clock),
                () -> mode == RunMode.POLLING, electionTick, registry);
    }

    /** Follows the stored mode, starts the election, and in webhook mode (re)sets the webhook. */
    public void start(OpsSettingsListener listener, MaintenanceScheduler maintenance,
                      Supplier<TelegramGateway> gateway) {
        listener.subscribe(RunModeSettings.MODE_KEY, stored -> {
            RunMode next = stored.map(setting -> RunModeSettings.parse(setting.value(), config.runMode()))
                    .orElse(config.runMode());
            if (next != mode) {
                LOG.info("Run mode changed from {} to {}", mode.label(), next.label());
                mode = next;
                election.nudge(); // act within the second, not at the next election tick
            }
        });
        election.start();
        if (mode == RunMode.WEBHOOK) {
            setWebhook(maintenance, gateway);
        }
        LOG.info("Intake in {} mode", mode.label());
    }

    private void setWebhook(MaintenanceScheduler maintenance, Supplier<TelegramGateway> gateway) {
        Optional<URI> base = modes.webhookBase(config);
        if (base.isEmpty() || config.secretToken().isEmpty()) {
            LOG.error("Webhook mode without EXTERNAL_URL or SECRET_TOKEN: Telegram cannot reach this bot");
            return;
        }
        long botId = config.requireBotToken().botId();
        SetWebhook setWebhook = SetWebhook.builder()
                .url(RunModeSettings.webhookUrl(base.get(), botId).toString())
                .secretToken(config.secretToken().get().reveal())
                .allowedUpdates(UpdateKind.allowedUpdates())
                .maxConnections(MAX_CONNECTIONS)
                .dropPendingUpdates(false) // never throw away what users sent while we were down
                .build();
        maintenance.startupCall("setWebhook", gateway, current -> current.setWebhook(setWebhook));
    }

    public RunMode mode() {
        return mode;
    }

    public boolean isPoller() {
        return election.isPoller();
    }

    @Override
    public void close() {
        election.close();
    }
}
