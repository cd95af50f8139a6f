package org.luvhive.cli.backup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.luvhive.cli.CliRun;
import org.luvhive.core.config.DatabaseUrl;
import org.luvhive.core.db.Database;
import org.luvhive.core.db.PoolSettings;
import org.luvhive.core.testing.PostgresExtension;
import org.luvhive.core.testing.TestDatabase;
import org.luvhive.core.testing.TestPostgresServer;

/** restore --force never loses the old target; refusals are one line with exit 16; restore records corruption. */
@ExtendWith(PostgresExtension.class)
class BackupRestoreSafetyTest {

    @TempDir
    Path home;

    @TempDir
    Path bin;

    private final TestDatabase database;

    BackupRestoreSafetyTest(TestDatabase database) {
        this.database = database;
    }

    @BeforeAll
    static void seed(TestDatabase database) {
        BackupFixture.seed(database.jdbi());
    }

    @Test
    void aFailedForcedRestoreLeavesTheOldTargetAsItWas(TestPostgresServer server) throws IOException {
        BackupFixture fixture = new BackupFixture(database, home);
        fixture.create(Clock.systemUTC());
        String target = "keep_" + suffix();
        try {
            CliRun first = fixture.run("backup", "restore", "--latest", "--target", target, "--jobs", "1");
            assertThat(first.exitCode()).as(first.err()).isZero();
            assertThat(first.out()).contains("(password as before)");
            Map<String, String> fingerprint = fingerprint(target);

            fakeTools("echo 'pg_restore: error: simulated failure' >&2; exit 1");
            CliRun forced = runWithPgBin(fixture, "backup", "restore", "--latest", "--target", target, "--force",
                    "--yes", "--jobs", "1");

            assertThat(forced.exitCode()).as(forced.err()).isEqualTo(16);
            assertThat(forced.err()).contains("simulated failure").contains(target + " is left as it was")
                    .doesNotContain("Exception");
            assertThat(server.databaseExists(target)).as("the old target survives a failed --force").isTrue();
            assertThat(fingerprint(target)).isEqualTo(fingerprint);
            assertThat(temporaryDatabases()).as("the temporary copy is dropped").isZero();
            assertThat(fixture.logFile()).content().contains("\"command\":\"restore\"")
                    .contains("into database " + target).containsPattern("\"backup\":\"luvhive_backup_[0-9_]+\",\"outcome\":\"failed\"");

            CliRun replaced = fixture.run("backup", "restore", "--latest", "--target", target, "--force", "--yes");
            assertThat(replaced.exitCode()).as(replaced.err()).isZero();
            assertThat(replaced.out()).contains("replacing the old one");
            assertThat(fingerprint(target)).isEqualTo(fingerprint);
            assertThat(temporaryDatabases()).isZero();
        } finally {
            server.dropDatabase(target);
        }
    }

    @Test
    void aRoleWithoutCreatedbGetsOneLineAndVerifyRecordsWhatItProved(TestPostgresServer server) {
        BackupFixture fixture = new BackupFixture(database, home);
        String name = fixture.create(Clock.systemUTC());
        String role = "nocreate_" + suffix();
        database.jdbi().useHandle(handle -> {
            handle.execute("create role " + role + " login nocreatedb password 'pw'");
            handle.execute("grant connect on database " + database.name() + " to " + role);
        });
        try {
            Map<String, String> environment = new HashMap<>(fixture.environment());
            DatabaseUrl url = database.url();
            environment.put("DATABASE_URL", "postgresql://" + role + "@" + url.host() + ":" + url.port() + "/"
                    + url.database());

            CliRun restore = CliRun.run(environment, home, "backup", "restore", "--latest", "--target", "qp_" + suffix());
            assertThat(restore.exitCode()).as(restore.err()).isEqualTo(16);
            assertThat(restore.err().strip()).contains("role " + role + " may not create databases (needs CREATEDB)")
                    .doesNotContain("Exception").doesNotContain("statement").doesNotContain("\n");

            CliRun verify = CliRun.run(environment, home, "backup", "verify", "--restore-test", name);
            assertThat(verify.exitCode()).as(verify.err()).isEqualTo(16);
            assertThat(verify.out()).contains("is verified", "SHA-256", "read the whole archive")
                    .contains("Not proved: restore test could not run");
            assertThat(verify.err()).contains("needs CREATEDB").doesNotContain("Exception");
            JsonNode verification = fixture.manifest(name).get("verification");
            assertThat(verification.get("state").asText()).as("no more than was proved").isEqualTo("verified");
            assertThat(verification.get("proved")).hasSize(2);
            assertThat(verification.get("message").asText()).contains("CREATEDB");
            assertThat(fixture.logFile()).content().contains("\"command\":\"verify\",\"backup\":\"" + name
                    + "\",\"outcome\":\"failed\"");
        } finally {
            database.jdbi().useHandle(handle -> {
                handle.execute("revoke connect on database " + database.name() + " from " + role);
                handle.execute("drop role " + role);
            });
        }
    }

    @Test
    void aPlainVerifyKeepsTheRestoreTestAndRestoreRecordsCorruption() throws IOException {
        BackupFixture fixture = new BackupFixture(database, home);
        String name = fixture.create(Clock.systemUTC());
        assertThat(fixture.run("backup", "verify", "--restore-test", name).exitCode()).isZero();
        String testedAt = fixture.manifest(name).get("verification").get("restore_tested_at").asText();

        CliRun plain = fixture.run("backup", "verify", name);

        assertThat(plain.exitCode()).as(plain.err()).isZero();
        assertThat(plain.out()).contains("is restore-tested").contains("restore-tested at " + testedAt);
        JsonNode verification = fixture.manifest(name).get("verification");
        assertThat(verification.get("state").asText()).isEqualTo("restore-tested");
        assertThat(verification.get("restore_tested_at").asText()).isEqualTo(testedAt);

        Path archive = fixture.backupDirectory().resolve(name + ".dump");
        byte[] bytes = Files.readAllBytes(archive);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(archive, bytes);
        CliRun restore = fixture.run("backup", "restore", name, "--target", "never_" + suffix());

        assertThat(restore.exitCode()).isEqualTo(12);
        assertThat(fixture.manifest(name).get("verification").get("state").asText())
                .as("restore records the corruption it found").isEqualTo("failed");
        assertThat(fixture.run("backup", "check").out()).startsWith("BACKUP CRITICAL");
    }

    @Test
    void jobsAboveSixteenAreAUsageError() {
        BackupFixture fixture = new BackupFixture(database, home);
        assertThat(fixture.run("backup", "restore", "--latest", "--target", "x_" + suffix(), "--jobs", "500")
                .exitCode()).isEqualTo(2);
        assertThat(fixture.run("backup", "verify", "--latest", "--jobs", "17").exitCode()).isEqualTo(2);
    }

    private CliRun runWithPgBin(BackupFixture fixture, String... args) {
        Map<String, String> environment = new HashMap<>(fixture.environment());
        environment.put("LUVHIVE_PG_BIN", bin.toString());
        return CliRun.run(environment, home, args);
    }

    /** pg_dump as installed; a pg_restore that runs {@code onRestore} when given a database, else the real one. */
    private void fakeTools(String onRestore) throws IOException {
        Path real = new BackupFixture(database, home).realPgBin();
        Files.createSymbolicLink(bin.resolve("pg_dump"), real.resolve("pg_dump"));
        Path restore = bin.resolve("pg_restore");
        Files.writeString(restore, "#!/bin/sh\ncase \" $* \" in *' --dbname '*) " + onRestore + ";; esac\nexec "
                + real.resolve("pg_restore") + " \"$@\"\n");
        Files.setPosixFilePermissions(restore, PosixFilePermissions.fromString("rwx------"));
    }

    private Map<String, String> fingerprint(String target) {
        try (Database restored = Database.connect(database.url().withDatabase(target), PoolSettings.of(1, "test"),
                new SimpleMeterRegistry())) {
            return BackupFixture.fingerprint(restored.jdbi());
        }
    }

    private int temporaryDatabases() {
        return database.jdbi().withHandle(handle -> handle.createQuery(
                "select count(*) from pg_database where datname like 'luvhive\\_restore\\_%'").mapTo(Integer.class).one());
    }

    private static String suffix() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }
}
