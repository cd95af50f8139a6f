package org.luvhive.cli.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.luvhive.cli.CliRun;
import org.luvhive.core.testing.PostgresExtension;
import org.luvhive.core.testing.TestDatabase;

@ExtendWith(PostgresExtension.class)
class BackupCorruptionTest {

    @TempDir
    Path home;

    private final TestDatabase database;

    BackupCorruptionTest(TestDatabase database) {
        this.database = database;
    }

    @BeforeAll
    static void seed(TestDatabase database) {
        BackupFixture.seed(database.jdbi());
    }

    @Test
    void aTruncatedArchiveIsCaughtRecordedAndReportedCritical() throws IOException {
        BackupFixture fixture = new BackupFixture(database, home);
        String name = fixture.create(Clock.systemUTC());
        Path archive = fixture.backupDirectory().resolve(name + ".dump");
        try (FileChannel channel = FileChannel.open(archive, StandardOpenOption.WRITE)) {
            channel.truncate(channel.size() - 100);
        }

        CliRun verify = fixture.run("backup", "verify", name);

        assertThat(verify.exitCode()).isEqualTo(12);
        assertThat(verify.err()).contains(name + ".dump").contains("truncated");
        assertThat(fixture.manifest(name).get("verification").get("state").asText()).isEqualTo("failed");
        CliRun check = fixture.run("backup", "check");
        assertThat(check.exitCode()).isEqualTo(2);
        assertThat(check.out()).startsWith("BACKUP CRITICAL").containsAnyOf("verification FAILED", "DAMAGED");
        CliRun restore = fixture.run("backup", "restore", name, "--target", "never_" + database.name().substring(14));
        assertThat(restore.exitCode()).as("restore rechecks the checksums first").isEqualTo(12);
    }

    @Test
    void aFlippedByteIsCaught() throws IOException {
        BackupFixture fixture = new BackupFixture(database, home);
        String name = fixture.create(Clock.systemUTC());
        Path archive = fixture.backupDirectory().resolve(name + ".dump");
        byte[] bytes = Files.readAllBytes(archive);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(archive, bytes);

        CliRun verify = fixture.run("backup", "verify", "--latest");

        assertThat(verify.exitCode()).isEqualTo(12);
        assertThat(verify.err()).contains("SHA-256");
    }

    @Test
    void aMissingFileOfADirectoryBackupIsCaught() throws IOException {
        BackupFixture fixture = new BackupFixture(database, home);
        String name = fixture.create(Clock.systemUTC(), "--format", "directory");
        Path dataFile;
        try (Stream<Path> files = Files.list(fixture.backupDirectory().resolve(name + ".dir"))) {
            dataFile = files.filter(file -> file.getFileName().toString().endsWith(".dat.gz")).findFirst().orElseThrow();
        }
        Files.delete(dataFile);

        CliRun verify = fixture.run("backup", "verify", name);

        assertThat(verify.exitCode()).isEqualTo(12);
        assertThat(verify.err()).contains(dataFile.getFileName().toString()).contains("missing");
    }

    @Test
    void anUnknownBackupIsNotFound() {
        BackupFixture fixture = new BackupFixture(database, home);
        assertThat(fixture.run("backup", "verify", "luvhive_backup_19990101_000000").exitCode()).isEqualTo(14);
        assertThat(fixture.run("backup", "verify", "--latest").exitCode()).isEqualTo(14);
    }
}
