package org.luvhive.cli.backup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.luvhive.cli.CliRun;
import org.luvhive.core.db.Database;
import org.luvhive.core.db.PoolSettings;
import org.luvhive.core.testing.PostgresExtension;
import org.luvhive.core.testing.TestDatabase;
import org.luvhive.core.testing.TestPostgresServer;

@ExtendWith(PostgresExtension.class)
class BackupRoundTripTest {

    @TempDir
    Path home;

    private final TestDatabase database;

    BackupRoundTripTest(TestDatabase database) {
        this.database = database;
    }

    @BeforeAll
    static void seed(TestDatabase database) {
        BackupFixture.seed(database.jdbi());
    }

    @Test
    void createVerifyWithRestoreTestAndRestoreGiveIdenticalContents(TestPostgresServer server) {
        BackupFixture fixture = new BackupFixture(database, home);
        String name = fixture.create(Clock.systemUTC());

        Path archive = fixture.backupDirectory().resolve(name + ".dump");
        assertThat(archive).isRegularFile();
        assertThat(PosixFilePermissions.toString(permissions(archive))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(permissions(fixture.backupDirectory()))).isEqualTo("rwx------");
        JsonNode manifest = fixture.manifest(name);
        assertThat(manifest.get("status").asText()).isEqualTo("complete");
        assertThat(manifest.get("server_version").asText()).startsWith("15.");
        assertThat(manifest.get("pg_dump_version").asText()).contains("PostgreSQL");
        assertThat(manifest.get("pg_dump_path").asText()).endsWith("/bin/pg_dump");
        assertThat(manifest.get("files").get(0).get("sha256").asText()).isEqualTo(sha256(archive));
        assertThat(rows(manifest, "public.people")).isEqualTo(3000);
        assertThat(rows(manifest, "public.messages")).isEqualTo(12000);

        CliRun verify = fixture.run("backup", "verify", "--restore-test", name);
        assertThat(verify.exitCode()).as(verify.err()).isZero();
        assertThat(verify.out()).contains("is restore-tested", "SHA-256", "read the whole archive",
                "every row count equal to the manifest's");
        assertThat(fixture.manifest(name).get("verification").get("state").asText()).isEqualTo("restore-tested");
        int scratch = database.jdbi().withHandle(handle -> handle.createQuery(
                "select count(*) from pg_database where datname like 'luvhive_verify_%'").mapTo(Integer.class).one());
        assertThat(scratch).as("the scratch database is dropped").isZero();

        String target = "restored_" + database.name().substring(database.name().length() - 12);
        try {
            CliRun restore = fixture.run("backup", "restore", "--latest", "--target", target);
            assertThat(restore.exitCode()).as(restore.err()).isZero();
            assertThat(restore.out()).contains("Its URL: postgresql://").contains("/" + target)
                    .contains(":***@").contains("luvhive switch-database " + target);
            try (Database restored = Database.connect(database.url().withDatabase(target), PoolSettings.of(1, "test"),
                    new SimpleMeterRegistry())) {
                assertThat(BackupFixture.fingerprint(restored.jdbi())).isEqualTo(BackupFixture.fingerprint(database.jdbi()))
                        .containsKeys("people", "messages", "ops_settings");
            }

            CliRun again = fixture.run("backup", "restore", "--target", target);
            assertThat(again.exitCode()).as("an existing target is refused").isEqualTo(13);
            assertThat(again.err()).contains("exists").contains("--force");
            CliRun live = fixture.run("backup", "restore", "--target", database.name(), "--force", "--yes");
            assertThat(live.exitCode()).as("the live database is refused even with --force").isEqualTo(13);
            assertThat(live.err()).contains("live database");
            CliRun forced = fixture.run("backup", "restore", "--target", target, "--force");
            assertThat(forced.exitCode()).as("--force without a terminal needs --yes").isEqualTo(2);
            CliRun replaced = fixture.run("backup", "restore", "--target", target, "--force", "--yes", "--jobs", "1");
            assertThat(replaced.exitCode()).as(replaced.err()).isZero();
        } finally {
            server.dropDatabase(target);
        }

        String everything = fixture.everythingWritten() + verify.out() + verify.err();
        assertThat(everything).as("no password in backups, manifests, logs or output").doesNotContain(BackupFixture.PASSWORD);
        assertThat(fixture.logFile()).content().contains("\"command\":\"create\"", "\"command\":\"verify\"",
                "\"command\":\"restore\"", "\"outcome\":\"failed\"");
    }

    @Test
    void directoryFormatInParallelRoundTrips() {
        BackupFixture fixture = new BackupFixture(database, home);
        String name = fixture.create(Clock.systemUTC(), "--format", "directory", "--jobs", "2", "--compress", "6");

        Path archive = fixture.backupDirectory().resolve(name + ".dir");
        assertThat(archive.resolve("toc.dat")).isRegularFile();
        assertThat(fixture.manifest(name).get("files").size()).isGreaterThan(2);
        assertThat(fixture.manifest(name).get("compression").asText()).isEqualTo("gzip:6");
        CliRun verify = fixture.run("backup", "verify", name, "--restore-test", "--json");
        assertThat(verify.exitCode()).as(verify.err()).isZero();
        assertThat(verify.out()).contains("\"state\" : \"restore-tested\"");
    }

    @Test
    void aRestoreThatFailsHalfwayDropsItsTarget(TestPostgresServer server) throws Exception {
        BackupFixture fixture = new BackupFixture(database, home);
        String name = fixture.create(Clock.systemUTC(), "--compress", "0");
        Path archive = fixture.backupDirectory().resolve(name + ".dump");
        // cut the data short but keep the manifest consistent, so only pg_restore itself can fail
        try (FileChannel channel = FileChannel.open(archive, StandardOpenOption.WRITE)) {
            channel.truncate(channel.size() * 2 / 3);
        }
        long bytes = Files.size(archive);
        String sha256 = sha256(archive);
        fixture.rewriteManifest(name, manifest -> {
            ((ObjectNode) manifest.get("files").get(0)).put("bytes", bytes).put("sha256", sha256);
            manifest.put("size_bytes", bytes);
        });

        String target = "halfway_" + database.name().substring(database.name().length() - 12);
        CliRun restore = fixture.run("backup", "restore", name, "--target", target, "--jobs", "1");

        assertThat(restore.exitCode()).as(restore.err()).isEqualTo(16);
        assertThat(restore.err()).contains("pg_restore").contains("dropped");
        assertThat(server.databaseExists(target)).as("the half-restored target is dropped").isFalse();
    }

    private static long rows(JsonNode manifest, String table) {
        for (JsonNode entry : manifest.get("tables")) {
            if (entry.get("table").asText().equals(table)) {
                return entry.get("rows").asLong();
            }
        }
        throw new AssertionError("no " + table + " in the manifest");
    }

    private static java.util.Set<java.nio.file.attribute.PosixFilePermission> permissions(Path path) {
        try {
            return Files.getPosixFilePermissions(path);
        } catch (java.io.IOException failure) {
            throw new java.io.UncheckedIOException(failure);
        }
    }

    static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (Exception failure) {
            throw new IllegalStateException(failure);
        }
    }
}
