package org.luvhive.cli.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.luvhive.cli.CliRun;
import org.luvhive.core.testing.PostgresExtension;
import org.luvhive.core.testing.TestDatabase;

@ExtendWith(PostgresExtension.class)
class PgToolsTest {

    @TempDir
    Path home;

    @TempDir
    Path bin;

    private final TestDatabase database;

    PgToolsTest(TestDatabase database) {
        this.database = database;
    }

    @Test
    void aClientOlderThanTheServerIsRefusedNamingThePackage() throws IOException {
        fakeTool("pg_dump", "pg_dump (PostgreSQL) 14.11");
        fakeTool("pg_restore", "pg_restore (PostgreSQL) 14.11");

        CliRun run = runWithPgBin("backup", "create");

        assertThat(run.exitCode()).isEqualTo(11);
        assertThat(run.err()).contains("older than the server").contains("postgresql-client-15")
                .doesNotContain("Exception");
        assertThat(home.resolve("backups")).satisfiesAnyOf(
                directory -> assertThat(directory).doesNotExist(),
                directory -> assertThat(directory).isEmptyDirectory(),
                directory -> assertThat(Files.list(directory)).allMatch(file -> file.getFileName().toString().startsWith(".")));
    }

    @Test
    void missingToolsAreReportedWithTheirExitCode() {
        CliRun run = runWithPgBin("backup", "create");

        assertThat(run.exitCode()).isEqualTo(11);
        assertThat(run.err()).contains("not found").contains("postgresql-client-15").contains("LUVHIVE_PG_BIN");
    }

    private CliRun runWithPgBin(String... args) {
        Map<String, String> environment = new HashMap<>(new BackupFixture(database, home).environment());
        environment.put("LUVHIVE_PG_BIN", bin.toString());
        return CliRun.run(environment, home, args);
    }

    private void fakeTool(String name, String version) throws IOException {
        Path tool = bin.resolve(name);
        Files.writeString(tool, "#!/bin/sh\necho '" + version + "'\n");
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwx------"));
    }
}
