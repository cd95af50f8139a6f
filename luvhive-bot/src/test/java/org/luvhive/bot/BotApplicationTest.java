package org.luvhive.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.luvhive.bot.testing.EchoFeatures;
import org.luvhive.core.bot.BotFeatures;
import org.luvhive.core.config.ConfigException;
import org.luvhive.core.config.ConfigLoader;
import org.luvhive.core.settings.OpsSettingsListener;
import org.luvhive.core.testing.PostgresExtension;
import org.luvhive.core.testing.TestDatabase;
import org.luvhive.core.testing.TestPostgresServer;
import org.luvhive.core.update.UpdateRouter;

@ExtendWith(PostgresExtension.class)
class BotApplicationTest {

    private static final String TOKEN = "123456789:TestOnlyTokenNotRealXXXXXXXXXXXXXXw8";

    @TempDir
    Path home;

    @Test
    void startMigratesAnEmptyDatabase(TestPostgresServer server) {
        var empty = server.createEmptyDatabase("luvhive_bot_start");
        Map<String, String> environment = new HashMap<>();
        environment.put("BOT_TOKEN", TOKEN);
        environment.put("PORT", "0");
        environment.put("MANAGEMENT_PORT", "0");
        environment.put("DATABASE_URL", empty.revealed());
        environment.put("TELEGRAM_API_URL", "http://127.0.0.1:9"); // nothing listens: no call leaves the machine
        try (BotApplication application = BotApplication.start(new ConfigLoader(home).load(environment), Clock.systemUTC(),
                RunnerSettings.defaults().withPollTimeout(java.time.Duration.ofSeconds(1)),
                (jdbi, outbox, caches, registry, violations) -> new EchoFeatures())) {
            assertThat(application.database().migrations().pendingCount()).isZero();
            assertThat(application.database().migrations().current()).isPresent();
        } finally {
            server.dropDatabase(empty.database());
        }
    }

    @Test
    void aPartFailingToStartStopsThoseAlreadyStartedSoNoHalfStartedBotLingers(TestDatabase database) throws IOException {
        int publicPort = freePort();
        int managementPort = freePort();
        Map<String, String> environment = new HashMap<>(database.environment());
        environment.put("BOT_TOKEN", TOKEN);
        environment.put("PORT", String.valueOf(publicPort));
        environment.put("MANAGEMENT_PORT", String.valueOf(managementPort));
        environment.put("TELEGRAM_API_URL", "http://127.0.0.1:9");
        BotFeatures failsToFollow = new BotFeatures() {
            @Override
            public UpdateRouter router() {
                return new EchoFeatures().router();
            }

            @Override
            public void follow(OpsSettingsListener listener) {
                throw new IllegalStateException("the database went away");
            }
        };

        assertThatThrownBy(() -> BotApplication.start(new ConfigLoader(home).load(environment), Clock.systemUTC(),
                RunnerSettings.defaults(), (jdbi, outbox, caches, registry, violations) -> failsToFollow))
                .hasMessage("the database went away");

        // the HTTP server had started before the failing part: both ports are free again
        for (int port : new int[] {publicPort, managementPort}) {
            try (ServerSocket again = new ServerSocket(port)) {
                assertThat(again.getLocalPort()).isEqualTo(port);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }

    @Test
    void refusesToStartWithoutAToken() {
        var config = new ConfigLoader(home).load(Map.of());

        assertThatThrownBy(() -> BotApplication.start(config, Clock.systemUTC(), RunnerSettings.defaults(),
                (jdbi, outbox, caches, registry, violations) -> new EchoFeatures()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("BOT_TOKEN: is not set");
    }
}
