package org.luvhive.core.ops.doctor;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.luvhive.core.config.LuvhiveConfig;
import org.luvhive.core.config.RunMode;
import org.luvhive.core.db.Database;
import org.luvhive.core.settings.OpsSettings;
import org.luvhive.core.settings.RunModeSettings;
import org.luvhive.core.telegram.TelegramCallException;
import org.luvhive.core.telegram.TelegramFailure;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.updates.GetWebhookInfo;
import org.telegram.telegrambots.meta.api.objects.WebhookInfo;
import org.telegram.telegrambots.meta.api.objects.User;

/** The doctor's Telegram checks: the token (getMe), then the webhook against the stored run mode. */
final class TelegramChecks {

    /** A delivery error younger than this is a failure now, not history. */
    static final Duration RECENT_ERROR = Duration.ofMinutes(10);

    private final DoctorInputs inputs;
    private final LuvhiveConfig config;

    TelegramChecks(DoctorInputs inputs, LuvhiveConfig config) {
        this.inputs = inputs;
        this.config = config;
    }

    /** getMe with the configured token; true when Telegram answered. */
    boolean token(List<Finding> findings) {
        if (config.botToken().isEmpty()) {
            findings.add(Finding.fail("telegram", "BOT_TOKEN is not set", RunbookSection.CONFIGURATION_INVALID));
            return false;
        }
        long started = System.nanoTime();
        try {
            User me = inputs.telegram().execute(new GetMe());
            findings.add(Finding.ok("telegram", "@" + me.getUserName() + " (id " + me.getId() + ") answered getMe in "
                    + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms at " + config.telegramApiUrl()));
            return true;
        } catch (TelegramCallException failed) {
            if (failed.failure() == TelegramFailure.UNAUTHORIZED) {
                findings.add(Finding.fail("telegram", "Telegram refused the token (" + failed.errorCode() + " "
                        + failed.description() + "): revoked, or not this bot's", RunbookSection.TOKEN_COMPROMISE));
            } else {
                findings.add(Finding.fail("telegram", "getMe failed at " + config.telegramApiUrl() + ": "
                        + failed.getMessage(), RunbookSection.TELEGRAM_UNREACHABLE));
            }
            return false;
        }
    }

    /** The webhook Telegram has against the mode the bots follow. */
    void webhook(Optional<Database> database, boolean telegramAnswers, List<Finding> findings) {
        if (database.isEmpty() || !telegramAnswers) {
            findings.add(Finding.skip("webhook", database.isEmpty() ? "the database is unreachable"
                    : "Telegram does not answer"));
            return;
        }
        RunModeSettings modes = new RunModeSettings(new OpsSettings(database.get().jdbi(), inputs.clock()));
        RunMode mode = modes.mode(config);
        WebhookInfo info;
        try {
            info = inputs.telegram().execute(new GetWebhookInfo());
        } catch (TelegramCallException failed) {
            findings.add(Finding.fail("webhook", "getWebhookInfo failed: " + failed.getMessage(),
                    RunbookSection.TELEGRAM_UNREACHABLE));
            return;
        }
        String url = info.getUrl() == null ? "" : info.getUrl();
        int pending = info.getPendingUpdatesCount() == null ? 0 : info.getPendingUpdatesCount();
        if (mode == RunMode.POLLING) {
            findings.add(url.isEmpty()
                    ? Finding.ok("webhook", "polling, no webhook set; " + pending + " update(s) pending")
                    : Finding.fail("webhook", "the bots poll, but Telegram has a webhook set (" + url + "), so every"
                            + " getUpdates is refused: run 'luvhive switch-mode polling' (or 'switch-mode webhook')",
                            RunbookSection.WEBHOOK_VALIDATION_FAILED));
            return;
        }
        if (url.isEmpty()) {
            findings.add(Finding.fail("webhook", "the bots are in webhook mode, but Telegram has no webhook: nothing"
                    + " arrives; run 'luvhive switch-mode webhook'", RunbookSection.WEBHOOK_VALIDATION_FAILED));
            return;
        }
        Optional<Instant> lastError = info.getLastErrorDate() == null || info.getLastErrorDate() == 0
                ? Optional.empty() : Optional.of(Instant.ofEpochSecond(info.getLastErrorDate()));
        Optional<Duration> errorAge = lastError.map(at -> Duration.between(at, inputs.clock().instant()));
        if (errorAge.isPresent() && errorAge.get().compareTo(RECENT_ERROR) < 0) {
            findings.add(Finding.fail("webhook", "Telegram's last delivery to " + url + " failed "
                    + errorAge.get().toSeconds() + " s ago: " + info.getLastErrorMessage() + "; " + pending
                    + " update(s) pending", RunbookSection.WEBHOOK_5XX));
            return;
        }
        Optional<URI> expected = modes.webhookBase(config)
                .map(base -> RunModeSettings.webhookUrl(base, config.requireBotToken().botId()));
        if (expected.isPresent() && !expected.get().toString().equals(url)) {
            findings.add(Finding.warn("webhook", "Telegram posts to " + url + ", but the configured webhook is "
                    + expected.get(), RunbookSection.WEBHOOK_VALIDATION_FAILED));
            return;
        }
        findings.add(Finding.ok("webhook", "webhook mode, Telegram posts to " + url + "; " + pending
                + " update(s) pending" + errorAge.map(age -> "; last error " + age.toMinutes() + " min ago: "
                + info.getLastErrorMessage()).orElse("; no delivery error")));
    }
}
