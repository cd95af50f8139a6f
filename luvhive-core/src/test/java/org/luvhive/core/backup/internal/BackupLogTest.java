package org.luvhive.core.backup.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The backup log is readable by its user only, also when an older version left it wider. */
class BackupLogTest {

    @TempDir
    Path home;

    @Test
    void entriesGoToAPrivateFileEvenWhenItWasWorldReadable() throws Exception {
        Path logs = Files.createDirectories(home.resolve("logs"));
        Path file = Files.writeString(logs.resolve(BackupLog.FILE_NAME), "{\"old\":true}\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        BackupLog log = new BackupLog(logs, Redactor.none(), new ManifestJson());

        log.append(new BackupLog.Entry(Instant.parse("2026-03-01T10:00:00Z"), "create", "b1", "ok",
                Duration.ofSeconds(1), 10L, "done"));

        assertThat(file).content().startsWith("{\"old\":true}\n").contains("\"command\":\"create\"");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(logs))).isEqualTo("rwx------");
    }
}
