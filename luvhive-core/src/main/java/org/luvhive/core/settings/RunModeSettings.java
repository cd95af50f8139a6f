package org.luvhive.core.settings;

import java.net.URI;
import java.util.Optional;
import org.luvhive.core.config.LuvhiveConfig;
import org.luvhive.core.config.RunMode;

/**
 * The intake mode every running bot follows ({@value #MODE_KEY}) and the webhook URL set
 * by the last switch ({@value #URL_KEY}), in the ops settings; written by
 * {@code luvhive switch-mode}. Until a mode is stored, {@code RUN_MODE} applies.
 * Thread-safe.
 */
public final class RunModeSettings {

    public static final String MODE_KEY = "run.mode";
    public static final String URL_KEY = "webhook.url";

    private final OpsSettings settings;

    public RunModeSettings(OpsSettings settings) {
        this.settings = settings;
    }

    /** The stored mode, or the configured one. */
    public RunMode mode(LuvhiveConfig config) {
        return settings.find(MODE_KEY).map(setting -> parse(setting.value(), config.runMode())).orElse(config.runMode());
    }

    /** The webhook URL: the one the last switch set, or EXTERNAL_URL. */
    public Optional<URI> webhookBase(LuvhiveConfig config) {
        return settings.find(URL_KEY).map(setting -> URI.create(setting.value())).or(config::externalUrl);
    }

    public void store(RunMode mode, Optional<URI> webhookBase, String updatedBy) {
        webhookBase.ifPresent(url -> settings.put(URL_KEY, url.toString(), updatedBy));
        settings.put(MODE_KEY, mode.label(), updatedBy);
    }

    /** A stored value this build does not know falls back to the configured mode. */
    public static RunMode parse(String value, RunMode fallback) {
        try {
            return RunMode.parse(value);
        } catch (IllegalArgumentException unknown) {
            return fallback;
        }
    }

    /**
     * Where Telegram posts updates for this bot: the base URL's path plus
     * {@code /telegram/<bot id>}, so several bots can share one host.
     */
    public static String webhookPath(URI base, long botId) {
        String path = base.getPath() == null ? "" : base.getPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path + "/telegram/" + botId;
    }

    public static URI webhookUrl(URI base, long botId) {
        String text = base.toString();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        return URI.create(text + "/telegram/" + botId);
    }
}
