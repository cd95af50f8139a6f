package org.luvhive.cli.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.luvhive.bot.BotApplication;
import org.luvhive.bot.RunnerSettings;
import org.luvhive.bot.testing.Runners;
import org.luvhive.cli.CliRun;
import org.luvhive.core.config.ConfigLoader;
import org.luvhive.core.dbops.DatabaseOps;
import org.luvhive.core.testing.PostgresExtension;
import org.luvhive.core.testing.TestDatabase;
import org.luvhive.testkit.telegram.EmulatedBot;
import org.luvhive.testkit.telegram.EmulatorLimits;
import org.luvhive.testkit.telegram.TelegramEmulator;

/** {@code luvhive db connections}: slots, sessions, idle transactions, and a running bot's exhausted pool. */
@ExtendWith(PostgresExtension.class)
class DbConnectionsCommandTest {

    private static final String TOKEN = "737373:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw8";

    @TempDir
    Path home;

    private final TestDatabase database;

    DbConnectionsCommandTest(TestDatabase database) {
        this.database = database;
    }

    @BeforeEach
    void noReports() {
        database.jdbi().useHandle(handle -> handle.execute("delete from db_pool_state"));
    }

    @Test
    void withNoBotItShowsTheServerAndAnIdleTransaction() throws Exception {
        try (Connection open = database.database().openDedicatedConnection(); Statement statement = open.createStatement()) {
            open.setAutoCommit(false);
            statement.execute("select count(*) from ops_settings");
            int pid = database.jdbi().withHandle(handle -> handle.createQuery(
                    "select pid from pg_stat_activity where state = 'idle in transaction'").mapTo(Integer.class).one());

            CliRun run = CliRun.run(database.environment(), home, "db", "connections");
            CliRun json = CliRun.run(database.environment(), home, "db", "connections", "--json");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).containsPattern("Server: \\d+ of \\d+ connection slots used, \\d+ free \\(\\d+ reserved "
                            + "for superusers\\)")
                    .containsPattern("\\d+  " + database.name() + " +luvhive-cli \\S+ +(idle|active) +127.0.0.1")
                    .containsPattern("pid " + pid + "  luvhive-test-dedicated  idle \\d+\\.\\ds, transaction open "
                            + "\\d+\\.\\ds: select count\\(\\*\\) from ops_settings")
                    .contains("no bot instance has reported its pool")
                    .endsWith("OK" + System.lineSeparator());
            JsonNode document = new ObjectMapper().readTree(json.out());
            assertThat(document.at("/status").asText()).isEqualTo("ok");
            assertThat(document.at("/server/max_connections").asInt()).isPositive();
            assertThat(document.at("/server/free").asInt()).isEqualTo(document.at("/server/max_connections").asInt()
                    - document.at("/server/superuser_reserved").asInt() - document.at("/server/used").asInt());
            assertThat(document.at("/idle_in_transaction/0/pid").asInt()).isEqualTo(pid);
            open.rollback();
        }
    }

    @Test
    void aBotWhosePoolIsExhaustedByASlowHandlerIsFlaggedPlainly() throws Exception {
        try (TelegramEmulator emulator = TelegramEmulator.builder().limits(EmulatorLimits.unlimited()).build().start()) {
            EmulatedBot telegram = emulator.bot(TOKEN);
            Map<String, String> environment = Runners.environment(database, emulator, TOKEN, home,
                    Map.of("DB_POOL_SIZE", "2"));
            RunnerSettings settings = RunnerSettings.defaults().withPollTimeout(Duration.ofSeconds(1))
                    .withShutdownGrace(Duration.ofSeconds(1)).withInstance("bot-2")
                    .withPipeline(RunnerSettings.defaults().pipeline().withInboxThreads(6))
                    .withDatabaseOps(DatabaseOps.Settings.defaults().withPoolReportEvery(Duration.ofMillis(200)));
            try (BotApplication bot = BotApplication.start(new ConfigLoader(home).load(environment), Clock.systemUTC(),
                    settings, (jdbi, outbox, caches, registry, violations) -> new SlowFeatures(10))) {
                // the first alone, so it is a batch of its own (a batch takes every waiting update of
                // different users and runs them one by one on one connection)
                telegram.newUser("Slow0").sendText("hello");
                await().atMost(Duration.ofSeconds(30)).until(() -> sleepingHandlers() == 1);
                for (int user = 1; user < 6; user++) {
                    telegram.newUser("Slow" + user).sendText("hello");
                }
                // a handler of 10 s holds one connection; the next batch holds the other while its
                // rate limit waits for a third, and the poller storing the rest waits too
                AtomicReference<CliRun> exhausted = new AtomicReference<>();
                await().atMost(Duration.ofSeconds(30)).until(() -> {
                    CliRun run = CliRun.run(database.environment(), home, "db", "connections", "--json");
                    exhausted.set(run);
                    return run.exitCode() == 33 && run.out().contains("pool of bot-2 full for ")
                            && !run.out().contains("full for 0s");
                });
                CliRun json = exhausted.get();
                CliRun run = CliRun.run(database.environment(), home, "db", "connections");
                assertThat(run.exitCode()).isEqualTo(33);
                assertThat(run.out())
                        .containsPattern("bot-2  active 2 of 2, idle 0, waiting [1-9]\\d*; the server shows 2 session\\(s\\)"
                                + "  FULL for \\d+(\\.\\d)?s")
                        .containsPattern("EXHAUSTED  pool of bot-2 full for [1-9]\\d*s, [1-9]\\d* threads? waiting "
                                + "\\(2 of 2 connections in use\\)")
                        .endsWith("EXHAUSTED" + System.lineSeparator());
                assertThat(json.exitCode()).isEqualTo(33);
                JsonNode pool = new ObjectMapper().readTree(json.out()).at("/pools/0");
                assertThat(pool.get("instance").asText()).isEqualTo("bot-2");
                assertThat(pool.get("application_name").asText()).isEqualTo("luvhive-bot bot-2");
                assertThat(pool.get("maximum").asInt()).isEqualTo(2);
                assertThat(pool.get("waiting").asInt()).isPositive();
                assertThat(pool.get("exhausted").asBoolean()).isTrue();
                assertThat(pool.get("server_sessions").asInt()).isEqualTo(2);
            }
        }
        CliRun after = CliRun.run(database.environment(), home, "db", "connections");
        assertThat(after.out()).as("a clean stop removes the report").contains("no bot instance has reported its pool");
    }

    private long sleepingHandlers() {
        return database.jdbi().withHandle(handle -> handle.createQuery(
                "select count(*) from pg_stat_activity where state = 'active' and query like 'select pg_sleep%'")
                .mapTo(Long.class).one());
    }
}
