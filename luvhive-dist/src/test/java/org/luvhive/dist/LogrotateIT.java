package org.luvhive.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ops/logrotate/luvhive from the release archive, run by logrotate itself on log files laid
 * out as LuvHive writes them (0600 files in 0700 directories): a dry run without errors, then
 * a forced rotation that keeps every file private and empties the server log in place.
 * Skipped with a message where logrotate is not installed (scripts/test installs it as root).
 */
class LogrotateIT {

    private static final Path LOGROTATE = Path.of("/usr/sbin/logrotate");

    @TempDir
    Path root;

    @Test
    void logrotateRotatesTheLogsAndKeepsThemPrivate() throws Exception {
        assumeTrue(Files.isExecutable(LOGROTATE), "logrotate is not installed: ops/logrotate/luvhive is not checked");
        UnpackedRelease release = UnpackedRelease.into(root.resolve("opt"));
        Path logs = privateDirectory(root.resolve("var/log/luvhive"));
        Path serverLogs = privateDirectory(root.resolve("var/lib/luvhive/logs"));
        Path violations = privateFile(logs.resolve("violations.log"), "{\"kind\":\"floodwait\"}\n");
        Path backups = privateFile(logs.resolve("backup.log"), "{\"command\":\"create\"}\n");
        Path serverLog = privateFile(serverLogs.resolve("postgresql.log"), "LOG:  database system is ready\n");
        Path config = root.resolve("logrotate.conf");
        Files.writeString(config, Files.readString(release.resolve("ops/logrotate/luvhive"))
                .replace("/var/log/luvhive", logs.toString())
                .replace("/var/lib/luvhive", root.resolve("var/lib/luvhive").toString())
                .replace("luvhive luvhive", owner()));
        Path state = root.resolve("logrotate.state");

        Commands.Result dryRun = logrotate("-d", "-s", state.toString(), config.toString());
        assertThat(dryRun.exitCode()).as(dryRun.err()).isZero();
        assertThat(dryRun.out() + dryRun.err()).doesNotContainIgnoringCase("error");

        Commands.Result rotation = logrotate("-f", "-s", state.toString(), config.toString());
        assertThat(rotation.exitCode()).as(rotation.err()).isZero();

        for (Path log : List.of(violations, backups, serverLog)) {
            Path rotated = log.resolveSibling(log.getFileName() + ".1.gz");
            assertThat(gunzip(rotated)).as("%s keeps the old lines", rotated).isNotEmpty();
            assertThat(permissions(rotated)).as("%s", rotated).isEqualTo("rw-------");
            assertThat(permissions(log)).as("%s after rotation", log).isEqualTo("rw-------");
            assertThat(Files.size(log)).as("%s starts empty", log).isZero();
        }
        assertThat(permissions(logs)).isEqualTo("rwx------");
        assertThat(permissions(serverLogs)).isEqualTo("rwx------");
    }

    private static Commands.Result logrotate(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(LOGROTATE.toString()));
        command.addAll(List.of(arguments));
        return Commands.run(command, Path.of("/"), Map.of("PATH", Commands.SYSTEM_PATH), Duration.ofMinutes(1));
    }

    /** "USER GROUP" of this process, for the config's su and create lines (the service's user in production). */
    private static String owner() throws Exception {
        Commands.Result id = Commands.run(List.of("id", "-un"), Path.of("/"), Map.of("PATH", Commands.SYSTEM_PATH),
                Duration.ofSeconds(10));
        Commands.Result group = Commands.run(List.of("id", "-gn"), Path.of("/"), Map.of("PATH", Commands.SYSTEM_PATH),
                Duration.ofSeconds(10));
        return id.out().strip() + " " + group.out().strip();
    }

    private static Path privateDirectory(Path directory) throws Exception {
        Files.createDirectories(directory);
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
        return directory;
    }

    private static Path privateFile(Path file, String content) throws Exception {
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    private static String permissions(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static String gunzip(Path file) throws Exception {
        try (GZIPInputStream input = new GZIPInputStream(Files.newInputStream(file))) {
            return new String(input.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
