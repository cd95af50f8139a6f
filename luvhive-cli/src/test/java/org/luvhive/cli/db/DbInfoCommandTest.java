package org.luvhive.cli.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.luvhive.cli.CliRun;
import org.luvhive.core.testing.PostgresExtension;
import org.luvhive.core.testing.TestDatabase;
import org.luvhive.core.testing.TestPostgresServer;

@ExtendWith(PostgresExtension.class)
class DbInfoCommandTest {

    @TempDir
    Path home;

    private final TestDatabase database;

    DbInfoCommandTest(TestDatabase database) {
        this.database = database;
    }

    @Test
    void printsServerVersionLevelAndPoolWithTheUrlMasked() {
        CliRun run = CliRun.run(Map.of("DATABASE_URL", passwordUrl(), "DB_POOL_SIZE", "7"), home, "db", "info");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("Server version:  PostgreSQL 15.")
                .containsPattern("Migration level: \\d+ \\(")
                .contains("Pending:         0")
                .contains("Pool:            max 7 connections")
                .contains(":***@")
                .doesNotContain("s3cr3t-pw");
    }

    @Test
    void jsonHasStableFields() throws Exception {
        CliRun run = CliRun.run(Map.of("DATABASE_URL", passwordUrl()), home, "db", "info", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("server_version").asText()).startsWith("15.");
        assertThat(json.get("database").asText()).isEqualTo(database.name());
        assertThat(json.get("schema_version").asText()).isEqualTo(json.get("latest_known_version").asText());
        assertThat(json.get("pending_migrations").asInt()).isZero();
        assertThat(json.get("embedded").asBoolean()).isFalse();
        assertThat(json.get("url").asText()).doesNotContain("s3cr3t-pw");
    }

    @Test
    void unmigratedExternalDatabaseShowsPendingAndMigrateAppliesThem(TestPostgresServer server) {
        var empty = server.createEmptyDatabase("luvhive_cli_empty");
        try {
            Map<String, String> environment = Map.of("DATABASE_URL", empty.revealed());

            CliRun before = CliRun.run(environment, home, "db", "info");
            assertThat(before.out()).contains("Migration level: none applied").contains("run 'luvhive db migrate'");

            CliRun migrate = CliRun.run(environment, home, "db", "migrate");
            assertThat(migrate.exitCode()).as(migrate.err()).isZero();
            assertThat(migrate.out()).containsPattern("Applied \\d+ migration\\(s\\); the schema is at \\d+ \\(");

            CliRun after = CliRun.run(environment, home, "db", "info");
            assertThat(after.out()).contains("Pending:         0");
        } finally {
            server.dropDatabase(empty.database());
        }
    }

    @Test
    void aDroppedDatabaseIsOneLineExit4PointingAtTheRecoverySection() {
        String gone = passwordUrl().replace("/" + database.name(), "/luvhive_dropped_meanwhile");
        CliRun run = CliRun.run(Map.of("DATABASE_URL", gone), home, "db", "info");

        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().strip()).doesNotContain("\n").doesNotContain("s3cr3t-pw")
                .startsWith("luvhive: database 'luvhive_dropped_meanwhile' does not exist on ")
                .endsWith("it was dropped or lost; read RUNBOOK.md \"Complete database recovery\"");
    }

    /** The test database's URL with a password in it (the embedded server trusts it anyway). */
    private String passwordUrl() {
        var url = database.url();
        return "postgresql://" + url.user() + ":s3cr3t-pw@" + url.host() + ":" + url.port() + "/" + url.database();
    }
}
