package org.luvhive.cli.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.luvhive.cli.CliRun;
import org.luvhive.core.config.ConfigKeys;
import org.luvhive.core.config.DatabaseUrl;
import org.luvhive.core.config.Secret;
import org.luvhive.core.testing.PostgresExtension;
import org.luvhive.core.testing.TestPostgresServer;

/**
 * Exit code 5 (README: "database schema behind this version: run luvhive db migrate"): a
 * database whose migrations stop short of this build's is refused by the commands that use
 * it, in one line (and as JSON with {@code --json}), until {@code luvhive db migrate}.
 */
@ExtendWith(PostgresExtension.class)
class SchemaBehindTest {

    @TempDir
    Path home;

    @Test
    void aSchemaWithPendingMigrationsIsRefusedWithExitFiveUntilMigrated(TestPostgresServer server) {
        DatabaseUrl url = server.createEmptyDatabase("luvhive_behind");
        try {
            Flyway.configure()
                    .dataSource(url.jdbcUrl(), url.user(), url.password().map(Secret::reveal).orElse(null))
                    .locations("classpath:db/migration").target("2").load().migrate();
            Map<String, String> environment = Map.of(ConfigKeys.DATABASE_URL, url.revealed());

            CliRun limits = CliRun.run(environment, home, "limits");
            assertThat(limits.exitCode()).as(limits.err()).isEqualTo(5);
            assertThat(limits.err()).matches("luvhive: the database schema is \\d+ migration\\(s\\) behind this luvhive: "
                    + "run 'luvhive db migrate' \\(or start the bot, which migrates\\)\\R");
            CliRun status = CliRun.run(environment, home, "status", "--json");
            assertThat(status.exitCode()).isEqualTo(5);
            assertThat(status.out()).contains("\"exit_code\" : 5");

            CliRun migrate = CliRun.run(environment, home, "db", "migrate", "--json");
            assertThat(migrate.exitCode()).as(migrate.err()).isZero();
            assertThat(migrate.out()).containsPattern("\"applied\" : [1-9]\\d*,")
                    .containsPattern("\"version\" : \"\\d+\"");
            CliRun again = CliRun.run(environment, home, "db", "migrate", "--json");
            assertThat(again.out()).contains("\"applied\" : 0,");

            CliRun after = CliRun.run(environment, home, "limits");
            assertThat(after.exitCode()).as(after.err()).isZero();
        } finally {
            server.dropDatabase(url.database());
        }
    }
}
