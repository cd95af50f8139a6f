package org.luvhive.sandbox.panel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Clock;
import org.luvhive.bot.BotApplication;
import org.luvhive.core.config.LuvhiveConfig;
import org.luvhive.core.config.RunMode;
import org.luvhive.core.limits.LimitsProfile;
import org.luvhive.core.limits.LimitsSettings;
import org.luvhive.core.limits.RateLimits;
import org.luvhive.core.moderation.ModerationSettings;
import org.luvhive.core.moderation.filter.Strictness;
import org.luvhive.core.settings.OpsSettings;
import org.luvhive.core.settings.RunModeSettings;
import org.luvhive.core.update.ModeSwitch;

/**
 * The panel's buttons, each the core call its CLI command makes: {@code luvhive set-limits
 * --profile P} ({@link LimitsSettings#store}), {@code luvhive switch-mode}
 * ({@link ModeSwitch}) and {@code luvhive moderation strictness LEVEL}
 * ({@link Strictness#parse}, {@link ModerationSettings#setLevel}), applied by the running
 * bot through the database as for any operator. Thread-safe.
 */
final class PanelActions {
    private static final String OPERATOR = "sandbox panel";

    private final BotApplication application;
    private final LuvhiveConfig config;
    private final ObjectMapper mapper = new ObjectMapper();

    PanelActions(BotApplication application, LuvhiveConfig config) {
        this.application = application;
        this.config = config;
    }

    JsonNode setLimitsProfile(String name) {
        RateLimits limits = LimitsProfile.parse(name).limits();
        new LimitsSettings(settings(), mapper).store(limits, OPERATOR);
        return mapper.createObjectNode().put("profile", limits.profile()).put("describe", limits.describe());
    }

    JsonNode setStrictness(String typed) {
        Strictness level = Strictness.parse(typed);
        Strictness before = new ModerationSettings(settings()).setLevel(level, OPERATOR);
        return mapper.createObjectNode().put("level", level.code()).put("was", before.code());
    }

    /** Webhook mode points Telegram at this bot's own HTTP port, where it serves {@code /telegram/<bot id>}. */
    JsonNode switchMode(String target) {
        RunMode mode;
        try {
            mode = RunMode.parse(target);
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException("mode " + unknown.getMessage());
        }
        ModeSwitch modeSwitch = new ModeSwitch(new RunModeSettings(settings()), application.gateway(), config);
        if (mode == RunMode.POLLING) {
            modeSwitch.toPolling(OPERATOR);
            return mapper.createObjectNode().put("mode", "polling");
        }
        URI webhook = modeSwitch.toWebhook(URI.create("http://127.0.0.1:" + application.httpPort()), OPERATOR);
        return mapper.createObjectNode().put("mode", "webhook").put("url", webhook.toString());
    }

    private OpsSettings settings() {
        return new OpsSettings(application.database().jdbi(), Clock.systemUTC());
    }
}
