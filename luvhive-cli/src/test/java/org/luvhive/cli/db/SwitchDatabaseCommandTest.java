package org.luvhive.cli.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.luvhive.cli.CliRun;
import org.luvhive.core.config.DatabaseUrl;
import org.luvhive.core.testing.PostgresExtension;
import org.luvhive.core.testing.TestDatabase;
import org.luvhive.core.testing.TestPostgresServer;

/**
 * {@code luvhive switch-database NAME} on a configured server: the target is checked
 * before the env file is touched, the password is written there and nowhere else, and
 * without a bot to follow it says so (exit 21). The live switch of a running bot is the
 * {@code recovery} drill's.
 */
@ExtendWith(PostgresExtension.class)
class SwitchDatabaseCommandTest {

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
            assertThat(run.err()).contains("no bot reported from '" + restored.database() + "' within");
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
