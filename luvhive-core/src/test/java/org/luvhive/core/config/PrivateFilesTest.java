package org.luvhive.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Log files are 0600 in a 0700 directory: created so, and tightened when found wider. */
class PrivateFilesTest {

    @TempDir
    Path home;

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @Test
    void appendCreatesTheDirectoryAndTheFileForTheOwnerOnly() throws Exception {
        Path file = home.resolve("luvhive/logs/some.log");

        PrivateFiles.append(file, "one\n".getBytes());
        PrivateFiles.append(file, "two\n".getBytes());

        assertThat(file).hasContent("one\ntwo");
        assertThat(mode(file)).isEqualTo("rw-------");
        assertThat(mode(file.getParent())).isEqualTo("rwx------");
    }

    @Test
    void aWiderFileOrDirectoryLeftByAnOlderVersionIsTightened() throws Exception {
        Path logs = Files.createDirectories(home.resolve("logs"));
        Path file = Files.writeString(logs.resolve("violations.log"), "old\n");
        Files.setPosixFilePermissions(logs, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        PrivateFiles.append(file, "new\n".getBytes());

        assertThat(file).hasContent("old\nnew");
        assertThat(mode(file)).isEqualTo("rw-------");
        assertThat(mode(logs)).isEqualTo("rwx------");
    }
}
