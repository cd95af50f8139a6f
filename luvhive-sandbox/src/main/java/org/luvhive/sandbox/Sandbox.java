package org.luvhive.sandbox;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.luvhive.bot.BotApplication;
import org.luvhive.bot.BotMain;
import org.luvhive.bot.RunnerSettings;
import org.luvhive.core.config.ConfigLoader;
import org.luvhive.core.config.LuvhiveConfig;
import org.luvhive.sandbox.panel.OperatorPanel;
import org.luvhive.testkit.telegram.EmulatedBot;
import org.luvhive.testkit.telegram.EmulatorLimits;
import org.luvhive.testkit.telegram.TelegramEmulator;

/**
 * The sandbox: the Bot API emulator (with its page for playing users), the real bot as
 * {@code luvhive-bot} runs it, polling that emulator, and the operator panel the page shows
 * beside the chats, all in one process on 127.0.0.1. The emulator enforces Telegram's
 * limits, so FloodWaits happen as they would. Thread-safe; close it to stop everything.
 */
public final class Sandbox implements AutoCloseable {

    /** A token of the right shape; the emulator accepts it, Telegram never would. */
    public static final String DEFAULT_TOKEN = "123456:SandboxTokenNotSecretXXXXXXXXXXXXXXX";

    private final TelegramEmulator emulator;
    private final EmulatedBot bot;
    private final BotApplication application;
    private final OperatorPanel panel;

    private Sandbox(TelegramEmulator emulator, EmulatedBot bot, BotApplication application, OperatorPanel panel) {
        this.emulator = emulator;
        this.bot = bot;
        this.application = application;
        this.panel = panel;
    }

    /**
     * Starts the emulator on {@code port} (0: any free one), then the bot against it.
     *
     * @param environment the bot's configuration keys (DATABASE_URL, PORT, ...); BOT_TOKEN,
     *                    TELEGRAM_API_URL and RUN_MODE are the sandbox's own
     * @param home        the bot's LUVHIVE_HOME (embedded database, logs)
     */
    public static Sandbox start(int port, Map<String, String> environment, Path home) {
        return start(port, environment, home, RunnerSettings.defaults());
    }

    /** As {@link #start(int, Map, Path)}, with the runner's waits given (tests shorten them). */
    public static Sandbox start(int port, Map<String, String> environment, Path home, RunnerSettings settings) {
        OperatorPanel panel = new OperatorPanel();
        TelegramEmulator emulator = TelegramEmulator.builder().port(port).limits(EmulatorLimits.telegramDefaults())
                .route(OperatorPanel.PATH, panel).pageExtension(OperatorPanel.PATH + "sandbox.js")
                .build().start();
        try {
            String token = environment.getOrDefault("BOT_TOKEN", DEFAULT_TOKEN);
            EmulatedBot bot = emulator.bot(token, "luvhive_sandbox_bot", "LuvHive");
            Map<String, String> keys = new HashMap<>(environment);
            keys.put("BOT_TOKEN", token);
            keys.put("TELEGRAM_API_URL", emulator.baseUrl());
            keys.put("RUN_MODE", "polling");
            keys.put("LUVHIVE_HOME", home.toString());
            keys.putIfAbsent("PORT", "0");
            keys.putIfAbsent("MANAGEMENT_PORT", "0");
            // The webhook a switch-mode sets points at this bot's own port; it needs a secret.
            keys.putIfAbsent("SECRET_TOKEN", randomSecret());
            ConfigLoader loader = new ConfigLoader(home);
            LuvhiveConfig config = loader.load(keys);
            BotApplication application = BotMain.start(() -> loader.load(keys), Clock.systemUTC(), settings);
            panel.attach(application, bot, config);
            return new Sandbox(emulator, bot, application, panel);
        } catch (RuntimeException | Error failure) {
            emulator.close();
            throw failure;
        }
    }

    private static String randomSecret() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The page: {@code http://127.0.0.1:PORT/}. */
    public String pageUrl() {
        return emulator.baseUrl() + "/";
    }

    public TelegramEmulator emulator() {
        return emulator;
    }

    public EmulatedBot bot() {
        return bot;
    }

    public BotApplication application() {
        return application;
    }

    @Override
    public void close() {
        panel.detach();
        try {
            application.close();
        } finally {
            emulator.close();
        }
    }
}
