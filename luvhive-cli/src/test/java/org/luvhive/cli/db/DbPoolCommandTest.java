package org.luvhive.cli.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.luvhive.bot.BotApplication;
import org.luvhive.bot.RunnerSettings;
import org.luvhive.bot.testing.EchoFeatures;
import org.luvhive.bot.testing.Runners;
import org.luvhive.cli.CliRun;
import org.luvhive.core.config.ConfigLoader;
import org.luvhive.core.dbops.DatabaseOps;
import org.luvhive.core.dbops.PoolControl;
import org.luvhive.core.settings.OpsSetting;
import org.luvhive.core.settings.OpsSettings;
import org.luvhive.core.testing.PostgresExtension;
import org.luvhive.core.testing.TestDatabase;
import org.luvhive.testkit.telegram.EmulatorLimits;
import org.luvhive.testkit.telegram.TelegramEmulator;

/** {@code luvhive db pool size} and {@code db pool reset}, observed on a running bot. */
@ExtendWith(PostgresExtension.class)
class DbPoolCommandTest {

    private static final String TOKEN = "949494:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw8";
    private static final String APPLICATION = "luvhive-bot pool-bot";

    @TempDir
    Path home;

    private final TestDatabase database;

    DbPoolCommandTest(TestDatabase database) {
        this.database = database;
    }

    private CliRun luvhive(String... args) {
        return CliRun.run(database.environment(), home, args);
    }

    @Test
    void aSizeBelowWhatTheHandlerThreadsNeedIsRefusedUnlessForced() {
        CliRun refused = luvhive("db", "pool", "size", "4");

        assertThat(refused.exitCode()).as(refused.err()).isEqualTo(32);
        assertThat(refused.err()).isEqualTo("luvhive: refusing pool size 4: below 5 a bot's two handler threads, each "
                + "holding its update's transaction while it borrows a second connection for the shared rate limit, "
                + "wait on each other up to the connection timeout, and updates fail and retry (--force to set it "
                + "anyway)" + System.lineSeparator());
        assertThat(storedSize()).isEmpty();

        CliRun forced = luvhive("db", "pool", "size", "4", "--force");
        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(forced.out()).contains("Pool size 4 stored for every bot (--force: below 5, updates will wait and "
                + "retry).");
        assertThat(storedSize()).contains("4");
        assertThat(luvhive("db", "pool", "size", "5").exitCode()).isZero();
        assertThat(storedSize()).contains("5");
    }

    private Optional<String> storedSize() {
        return new OpsSettings(database.jdbi(), Clock.systemUTC()).find(PoolControl.SIZE).map(OpsSetting::value);
    }

    @Test
    void sizeAndResetReachTheRunningBotWithinASecondAndASizeTheServerCannotTakeIsRefused() throws Exception {
        try (TelegramEmulator emulator = TelegramEmulator.builder().limits(EmulatorLimits.unlimited()).build().start()) {
            Map<String, String> environment = Runners.environment(database, emulator, TOKEN, home,
                    Map.of("DB_POOL_SIZE", "4"));
            RunnerSettings settings = RunnerSettings.defaults().withPollTimeout(Duration.ofSeconds(1))
                    .withShutdownGrace(Duration.ofSeconds(1)).withInstance("pool-bot")
                    .withDatabaseOps(DatabaseOps.Settings.defaults().withPoolReportEvery(Duration.ofMillis(500)));
            try (BotApplication bot = BotApplication.start(new ConfigLoader(home).load(environment), Clock.systemUTC(),
                    settings, (jdbi, outbox, caches, registry, violations) -> new EchoFeatures())) {
                await().atMost(Duration.ofSeconds(30)).until(() -> luvhive("db", "connections").out()
                        .contains("pool-bot  active"));

                CliRun larger = luvhive("db", "pool", "size", "6");

                assertThat(larger.exitCode()).as(larger.err()).isZero();
                assertThat(larger.out()).contains("Pool size 6 stored for every bot.")
                        .contains("pool-bot now open at most 6.");
                assertThat(bot.database().pool().maximumSize()).isEqualTo(6);

                OpsSettings opsSettings = new OpsSettings(database.jdbi(), Clock.systemUTC());
                opsSettings.put(PoolControl.SIZE, "5", "test");
                // on the notification, well before the 30 s fallback re-read (a busy machine may take seconds)
                await().atMost(Duration.ofSeconds(10)).until(() -> bot.database().pool().maximumSize() == 5);

                Set<Integer> before = sessions();
                CliRun reset = luvhive("db", "pool", "reset", "--json");
                assertThat(reset.exitCode()).as(reset.err()).isZero();
                JsonNode document = new ObjectMapper().readTree(reset.out());
                assertThat(document.get("instances").toString()).isEqualTo("[\"pool-bot\"]");
                assertThat(document.get("not_confirmed")).isEmpty();
                await().atMost(Duration.ofSeconds(30)).until(() -> {
                    Set<Integer> now = sessions();
                    return !now.isEmpty() && now.stream().noneMatch(before::contains);
                });

                List<Connection> held = hold(120);
                try {
                    CliRun refused = luvhive("db", "pool", "size", "200");
                    assertThat(refused.exitCode()).as(refused.out()).isEqualTo(32);
                    assertThat(refused.err()).containsPattern("refusing pool size 200: 1 running bot\\(s\\) could open "
                            + "\\d+ more connection\\(s\\), and the server has \\d+ free slot\\(s\\) of \\d+, less \\d+ "
                            + "kept for others; the largest size that fits is \\d+ \\(--force to set it anyway\\)");
                    assertThat(bot.database().pool().maximumSize()).isEqualTo(5);

                    CliRun forced = luvhive("db", "pool", "size", "200", "--force");
                    assertThat(forced.exitCode()).as(forced.err()).isZero();
                    assertThat(forced.out()).contains("(--force: more than the server's free slots less the margin)");
                    assertThat(bot.database().pool().maximumSize()).isEqualTo(200);
                } finally {
                    for (Connection connection : held) {
                        connection.close();
                    }
                }

                CliRun back = luvhive("db", "pool", "size", "default");
                assertThat(back.out()).contains("every bot goes back to its DB_POOL_SIZE within a second");
                await().atMost(Duration.ofSeconds(10)).until(() -> bot.database().pool().maximumSize() == 4);
                assertThat(luvhive("db", "pool", "size", "0").exitCode()).isEqualTo(2);
                assertThat(luvhive("db", "pool", "size", "lots").err()).contains("pool size must be 1 to 200 or 'default'");
            }
        }
    }

    private Set<Integer> sessions() {
        return new HashSet<>(database.jdbi().withHandle(handle -> handle.createQuery(
                "select pid from pg_stat_activity where application_name = :name").bind("name", APPLICATION)
                .mapTo(Integer.class).list()));
    }

    /** Sessions that take server slots away, as other clients would. */
    private List<Connection> hold(int count) throws Exception {
        List<Connection> held = new ArrayList<>();
        Properties properties = new Properties();
        properties.setProperty("user", database.url().user());
        properties.setProperty("ApplicationName", "slot-taker");
        for (int index = 0; index < count; index++) {
            held.add(DriverManager.getConnection(database.url().jdbcUrl(), properties));
        }
        return held;
    }
}
