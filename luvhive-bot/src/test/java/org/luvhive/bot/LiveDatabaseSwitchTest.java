package org.luvhive.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.luvhive.bot.testing.Runners;
import org.luvhive.core.config.DatabaseUrl;
import org.luvhive.core.testing.PostgresExtension;
import org.luvhive.core.testing.TestDatabase;
import org.luvhive.core.testing.TestPostgresServer;
import org.luvhive.testkit.telegram.EmulatedBot;
import org.luvhive.testkit.telegram.EmulatorLimits;
import org.luvhive.testkit.telegram.SimulatedUser;
import org.luvhive.testkit.telegram.TelegramEmulator;

/**
 * A planned move to another database while the old one still answers (the recovery drill
 * covers the old one dropped): when the configuration names another {@code DATABASE_URL}
 * the running bot leaves no session on the old database, takes its poller lock again on
 * the new one, and its users' messages are stored and answered there. No restart.
 */
@ExtendWith(PostgresExtension.class)
class LiveDatabaseSwitchTest {

    private static final String TOKEN = "646464:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw8";

    private final TestDatabase database;
    private final TestPostgresServer server;

    @TempDir
    Path home;

    LiveDatabaseSwitchTest(TestDatabase database, TestPostgresServer server) {
        this.database = database;
        this.server = server;
    }

    @Test
    void theRunningBotFollowsTheDatabaseItsConfigurationNames() {
        DatabaseUrl next = server.createMigratedDatabase("live_switch");
        try (TelegramEmulator emulator = TelegramEmulator.builder().limits(EmulatorLimits.unlimited()).build().start()) {
            EmulatedBot bot = emulator.bot(TOKEN);
            Map<String, String> environment = new ConcurrentHashMap<>(
                    Runners.environment(database, emulator, TOKEN, home, Map.of()));
            try (BotApplication application = Runners.echo(environment, home)) {
                SimulatedUser user = bot.newUser("Mover");
                user.sendText("one");
                assertThat(user.awaitMessage(Duration.ofSeconds(30)).text()).isEqualTo("echo: one");

                environment.put("DATABASE_URL", next.revealed()); // what switch-database writes into the env file
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> application.database().url().database().equals(next.database()));

                Jdbi nextJdbi = Jdbi.create(next.jdbcUrl(), next.user(), "");
                await().atMost(Duration.ofSeconds(30)).until(() -> botSessions(database.jdbi(), database.name()) == 0);
                await().atMost(Duration.ofSeconds(30)).until(() -> advisoryLocks(nextJdbi, next.database()) >= 1);
                assertThat(application.database().migrations().pendingCount()).isZero();

                user.sendText("two");
                assertThat(user.awaitMessage(Duration.ofSeconds(30)).text()).isEqualTo("echo: two");
                long stored = nextJdbi.withHandle(handle -> handle.createQuery("select count(*) from inbox")
                        .mapTo(Long.class).one());
                assertThat(stored).as("stored in the new database").isEqualTo(1);
            }
        } finally {
            server.dropDatabase(next.database());
        }
    }

    /** The bot's sessions (pool and dedicated) on {@code name}. */
    private static long botSessions(Jdbi jdbi, String name) {
        return jdbi.withHandle(handle -> handle.createQuery("select count(*) from pg_stat_activity "
                + "where datname = :name and application_name like 'luvhive-bot%'").bind("name", name)
                .mapTo(Long.class).one());
    }

    /** Session advisory locks (the poller's, the claim owner's) held on {@code name}. */
    private static long advisoryLocks(Jdbi jdbi, String name) {
        return jdbi.withHandle(handle -> handle.createQuery("select count(*) from pg_locks l "
                + "join pg_database d on d.oid = l.database where l.locktype = 'advisory' and l.granted "
                + "and d.datname = :name").bind("name", name).mapTo(Long.class).one());
    }
}
