package org.luvhive.core.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The violations log: one JSON line per FloodWait, readable by the bot's user only. */
class ViolationsLogTest {

    @TempDir
    Path home;

    @Test
    void aFloodWaitIsOneLineInAPrivateFile() throws Exception {
        ViolationsLog log = new ViolationsLog(home.resolve("logs"), new ObjectMapper());

        log.floodWait(Instant.parse("2026-03-01T10:00:00Z"), 42, "sendMessage", 3, "chat");

        assertThat(log.file()).hasContent("{\"time\":\"2026-03-01T10:00:00Z\",\"kind\":\"floodwait\",\"chat\":42,"
                + "\"method\":\"sendMessage\",\"retry_after\":3,\"scope\":\"chat\"}");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(log.file()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("logs"))))
                .isEqualTo("rwx------");
    }
}
