package org.luvhive.bot.testing;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.luvhive.bot.BotApplication;
import org.luvhive.bot.RunnerSettings;
import org.luvhive.core.config.ConfigLoader;
import org.luvhive.core.testing.TestDatabase;
import org.luvhive.testkit.telegram.TelegramEmulator;

/** Starts echo-bot runners against the emulator and a test database, on a free HTTP port. */
public final class Runners {

    private Runners() {
    }

    /** The environment a runner reads: database, token, emulator, home, free ports, plus {@code extra}. */
    public static Map<String, String> environment(TestDatabase database, TelegramEmulator emulator, String token,
                                                  Path home, Map<String, String> extra) {
        Map<String, String> environment = new HashMap<>(database.environment());
        environment.put("BOT_TOKEN", token);
        environment.put("TELEGRAM_API_URL", emulator.baseUrl());
        environment.put("LUVHIVE_HOME", home.toString());
        environment.put("PORT", "0");
        environment.put("MANAGEMENT_PORT", "0");
        environment.putAll(extra);
        return environment;
    }

    public static BotApplication echo(Map<String, String> environment, Path home) {
        return BotApplication.start(() -> new ConfigLoader(home).load(environment), Clock.systemUTC(),
                RunnerSettings.defaults().withPollTimeout(Duration.ofSeconds(1)).withShutdownGrace(Duration.ofSeconds(5)),
                (jdbi, outbox, caches, registry, violations) -> new EchoFeatures());
    }
}
