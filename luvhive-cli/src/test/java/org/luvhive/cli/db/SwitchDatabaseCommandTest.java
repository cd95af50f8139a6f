package org.luvhive.cli.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.luvhive.bot.BotApplication;
import org.luvhive.bot.testing.Runners;
import org.luvhive.cli.CliRun;
import org.luvhive.core.config.DatabaseUrl;
import org.luvhive.core.testing.PostgresExtension;
import org.luvhive.core.testing.TestDatabase;
import org.luvhive.core.testing.TestPostgresServer;
import org.luvhive.testkit.telegram.EmulatorLimits;
import org.luvhive.testkit.telegram.TelegramEmulator;

/**
 * {@code luvhive switch-database NAME} on a configured server: the target is checked
 * before the env file is touched, the password is written there and nowhere else, the
 * runtime settings the bots will follow are shown (with the old database's where they
 * differ), and without a bot to follow it says so (exit 21), naming a bot that stays on the
 * old database because its environment sets DATABASE_URL. The live switch of a running bot
 * is the {@code recovery} drill's.
 */
@ExtendWith(PostgresExtension.class)
class SwitchDatabaseCommandTest {

    private static final String TOKEN = "737373:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw8";

    @TempDir
    Path home;

    private final TestDatabase database;
    private final TestPostgresServer server;

    SwitchDatabaseCommandTest(TestDatabase database, TestPostgresServer server) {
        this.database = database;
        this.server = server;
    }

    @Test
    void aRestoredDatabaseIsWrittenToTheEnvFileWithTheConfiguredLoginAndNeverPrinted() throws Exception {
        DatabaseUrl restored = server.createMigratedDatabase("switch_restored");
        try {
            Path envFile = envFile();
            CliRun run = CliRun.run(Map.of("LUVHIVE_ENV_FILE", envFile.toString()), home,
                    "switch-database", restored.database(), "--wait", "0s");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("Switching to database '" + restored.database() + "'")
                    .contains(":***@").doesNotContain("s3cr3t-pw");
            assertThat(Files.readString(envFile)).contains("# production\n")
                    .contains("DATABASE_URL=postgresql://" + database.url().user() + ":s3cr3t-pw@")
                    .contains("/" + restored.database() + "\n")
                    .doesNotContain("/" + database.name() + "\n");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(envFile))).isEqualTo("rw-------");
        } finally {
            server.dropDatabase(restored.database());
        }
    }

    @Test
    void aMissingOrEmptyTargetIsRefusedAndTheEnvFileLeftAsItWas() throws Exception {
        DatabaseUrl empty = server.createEmptyDatabase("switch_empty");
        try {
            Path envFile = envFile();
            String before = Files.readString(envFile);

            CliRun missing = CliRun.run(Map.of("LUVHIVE_ENV_FILE", envFile.toString()), home,
                    "switch-database", "luvhive_never_restored");
            assertThat(missing.exitCode()).isEqualTo(4);
            assertThat(missing.err()).startsWith("luvhive: database 'luvhive_never_restored' does not exist on ");

            CliRun notLuvhive = CliRun.run(Map.of("LUVHIVE_ENV_FILE", envFile.toString()), home,
                    "switch-database", empty.database());
            assertThat(notLuvhive.exitCode()).isEqualTo(2);
            assertThat(notLuvhive.err()).contains("holds no LuvHive schema: restore a backup into it first");

            CliRun badName = CliRun.run(Map.of("LUVHIVE_ENV_FILE", envFile.toString()), home,
                    "switch-database", "x; drop database luvhive");
            assertThat(badName.exitCode()).isEqualTo(2);

            assertThat(Files.readString(envFile)).isEqualTo(before);
        } finally {
            server.dropDatabase(empty.database());
        }
    }

    @Test
    void withoutABotReportingFromItTheSwitchSaysSo() throws Exception {
        DatabaseUrl restored = server.createMigratedDatabase("switch_nobody");
        try {
            CliRun run = CliRun.run(Map.of("LUVHIVE_ENV_FILE", envFile().toString()), home,
                    "switch-database", restored.database(), "--wait", "1s");

            assertThat(run.exitCode()).isEqualTo(21);
            assertThat(run.err().strip()).doesNotContain("\n").contains("no bot reported from '" + restored.database()
                    + "' within 1.0s: a bot started with DATABASE_URL in its process environment ignores the env file; "
                    + "remove it from the bot's unit, then systemctl restart luvhive-bot");
        } finally {
            server.dropDatabase(restored.database());
        }
    }

    @Test
    void itShowsTheSettingsTheBotsWillFollowAndWarnsWhereTheyDifferFromTheOldDatabases() throws Exception {
        DatabaseUrl restored = server.createMigratedDatabase("switch_settings");
        try {
            Map<String, String> onRestored = Map.of("DATABASE_URL", "postgresql://" + restored.user() + "@"
                    + restored.host() + ":" + restored.port() + "/" + restored.database(), "LUVHIVE_ENV_FILE", "");
            assertThat(CliRun.run(onRestored, home, "set-limits", "--profile", "crisis").exitCode()).isZero();
            assertThat(CliRun.run(onRestored, home, "moderation", "strictness", "strict").exitCode()).isZero();

            CliRun run = CliRun.run(Map.of("LUVHIVE_ENV_FILE", envFile().toString()), home,
                    "switch-database", restored.database(), "--wait", "0s");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("The bots follow the runtime settings stored in '" + restored.database() + "'")
                    .containsPattern("limits profile +crisis +set \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC by ")
                    .containsPattern("moderation +strict +set ");
            assertThat(run.err())
                    .contains("luvhive: warning: limits profile is crisis in '" + restored.database() + "', was normal in '"
                            + database.name() + "'; to keep the old one: luvhive set-limits --profile normal")
                    .contains("luvhive: warning: moderation is strict in '" + restored.database() + "', was normal in '"
                            + database.name() + "'; to keep the old one: luvhive moderation strictness normal")
                    .doesNotContain("run mode is");
        } finally {
            server.dropDatabase(restored.database());
        }
    }

    @Test
    void aBotThatKeepsDatabaseUrlFromItsProcessEnvironmentStaysAndTheFailureSaysWhyAndWhatToDo() throws Exception {
        DatabaseUrl restored = server.createMigratedDatabase("switch_stays");
        try (TelegramEmulator emulator = TelegramEmulator.builder().limits(EmulatorLimits.unlimited()).build().start()) {
            emulator.bot(TOKEN);
            Path envFile = envFile();
            // the bot reads the env file too, but DATABASE_URL in its environment wins over it
            Map<String, String> botEnvironment = Runners.environment(database, emulator, TOKEN, home,
                    Map.of("LUVHIVE_ENV_FILE", envFile.toString()));
            try (BotApplication bot = Runners.echo(botEnvironment, home)) {
                CliRun run = CliRun.run(Map.of("LUVHIVE_ENV_FILE", envFile.toString()), home,
                        "switch-database", restored.database(), "--wait", "15s");

                assertThat(run.exitCode()).isEqualTo(21);
                String message = run.err().strip();
                assertThat(message).doesNotContain("\n")
                        .contains(":" + ProcessHandle.current().pid() + " still report(s) from '" + database.name()
                                + "', not '" + restored.database() + "': started with DATABASE_URL in the process "
                                + "environment, which wins over the env file; remove it from the bot's unit, then "
                                + "systemctl restart luvhive-bot");
                assertThat(bot.database().url().database()).isEqualTo(database.name());
            }
        } finally {
            server.dropDatabase(restored.database());
        }
    }

    /** An env file naming the test database with a password (the test server trusts any). */
    private Path envFile() throws Exception {
        var url = database.url();
        Path envFile = home.resolve("luvhive.env");
        Files.writeString(envFile, "# production\nDATABASE_URL=postgresql://" + url.user() + ":s3cr3t-pw@" + url.host()
                + ":" + url.port() + "/" + url.database() + "\n");
        Files.setPosixFilePermissions(envFile, PosixFilePermissions.fromString("rw-------"));
        return envFile;
    }
}
