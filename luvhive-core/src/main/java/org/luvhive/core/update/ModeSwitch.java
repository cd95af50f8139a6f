package org.luvhive.core.update;

import java.net.URI;
import java.util.Optional;
import org.luvhive.core.config.ConfigException;
import org.luvhive.core.config.ConfigKeys;
import org.luvhive.core.config.LuvhiveConfig;
import org.luvhive.core.config.RunMode;
import org.luvhive.core.telegram.TelegramGateway;
import org.luvhive.core.settings.RunModeSettings;
import org.telegram.telegrambots.meta.api.methods.updates.DeleteWebhook;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;

/**
 * Switches every running bot between long polling and a webhook, live: Telegram is told
 * first (deleteWebhook or setWebhook, pending updates always kept), then the mode is
 * stored, and running bots follow within a second. If Telegram refuses, nothing is stored.
 * What {@code luvhive switch-mode} and the sandbox's operator panel both do. Thread-safe.
 */
public final class ModeSwitch {

    /** Telegram's default; the bot answers fast, so more connections would only add load. */
    public static final int MAX_CONNECTIONS = 40;

    private final RunModeSettings modes;
    private final TelegramGateway telegram;
    private final LuvhiveConfig config;

    public ModeSwitch(RunModeSettings modes, TelegramGateway telegram, LuvhiveConfig config) {
        this.modes = modes;
        this.telegram = telegram;
        this.config = config;
    }

    /** deleteWebhook (updates kept), then polling is stored. */
    public void toPolling(String operator) {
        telegram.execute(DeleteWebhook.builder().dropPendingUpdates(false).build());
        modes.store(RunMode.POLLING, Optional.empty(), operator);
    }

    /**
     * The webhook base: {@code url} if given, else the last one set, else EXTERNAL_URL.
     *
     * @throws IllegalArgumentException when there is none, or it is not http(s)
     */
    public URI webhookBase(Optional<URI> url) {
        URI base = url.or(() -> modes.webhookBase(config)).orElseThrow(() ->
                new IllegalArgumentException("give --url (no EXTERNAL_URL is configured)"));
        if (!"https".equals(base.getScheme()) && !"http".equals(base.getScheme())) {
            throw new IllegalArgumentException("--url must be an https:// URL");
        }
        return base;
    }

    /**
     * setWebhook to {@code base}{@code /telegram/<bot id>} with the configured secret and the
     * update kinds the bot handles, then webhook mode is stored. Returns the webhook's URL.
     *
     * @throws ConfigException when SECRET_TOKEN is not configured
     */
    public URI toWebhook(URI base, String operator) {
        String secret = config.secretToken().orElseThrow(() -> ConfigException.single(ConfigKeys.SECRET_TOKEN,
                "is required for webhook mode (1-256 of A-Z a-z 0-9 _ -)")).reveal();
        URI webhook = RunModeSettings.webhookUrl(base, config.requireBotToken().botId());
        telegram.setWebhook(SetWebhook.builder()
                .url(webhook.toString())
                .secretToken(secret)
                .allowedUpdates(UpdateKind.allowedUpdates())
                .maxConnections(MAX_CONNECTIONS)
                .dropPendingUpdates(false)
                .build());
        modes.store(RunMode.WEBHOOK, Optional.of(base), operator);
        return webhook;
    }
}
