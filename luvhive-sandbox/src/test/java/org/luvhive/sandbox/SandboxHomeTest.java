package org.luvhive.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxHomeTest {

    @TempDir
    Path directory;

    @Test
    void oneSandboxAtATimeAndEachStartsWithAnEmptyDatabase() throws Exception {
        Path table = directory.resolve("pgdata/base/1/16384");
        Files.createDirectories(table.getParent());
        Files.writeString(table, "yesterday's profiles");
        Files.writeString(directory.resolve("pgdata/postmaster.pid"), ProcessHandle.current().pid() + "\n");
        Files.createDirectories(directory.resolve("logs"));

        try (SandboxHome home = SandboxHome.claim(directory)) {
            assertThatThrownBy(() -> SandboxHome.claim(directory))
                    .hasMessageContaining("another luvhive-sandbox is running with " + directory);
            home.startWithEmptyDatabase();
        }

        assertThat(directory.resolve("pgdata")).doesNotExist();
        assertThat(directory.resolve("logs")).isDirectory();
        assertThat(ProcessHandle.current().isAlive()).as("a pid that is not postgres is never stopped").isTrue();
        SandboxHome.claim(directory).close(); // released with the first
    }
}
