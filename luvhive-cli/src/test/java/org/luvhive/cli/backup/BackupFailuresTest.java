package org.luvhive.cli.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.luvhive.cli.CliRun;
import org.luvhive.cli.LuvhiveCli;
import org.luvhive.core.testing.PostgresExtension;
import org.luvhive.core.testing.TestDatabase;

/**
 * backup create and restore when things go wrong half-way: a manifest that cannot be
 * written, a SIGTERM while pg_dump or pg_restore runs, a --jobs that would take the bot's
 * connections. Nothing half-written may stay, and the backup log says what happened. pg_dump is the real one
 * behind small wrapper scripts (LUVHIVE_PG_BIN) that set each situation up.
 */
@ExtendWith(PostgresExtension.class)
class BackupFailuresTest {

    @TempDir
    Path home;

    @TempDir
    Path bin;

    private final TestDatabase database;

    BackupFailuresTest(TestDatabase database) {
        this.database = database;
    }

    @Test
    void aManifestThatCannotBeWrittenLeavesNoArchiveAndExits15() throws Exception {
        // pg_dump's wrapper blocks the manifest's temporary name with a directory (as a full disk would fail the write)
        tool("pg_dump", """
                #!/usr/bin/env bash
                for arg in "$@"; do case "$arg" in --file=*) file="${arg#--file=}" ;; esac; done
                if [ -n "${file:-}" ]; then
                  name="$(basename "$file")"; name="${name#.tmp-}"; name="${name%.dump}"
                  mkdir -p "$(dirname "$file")/.tmp-$name.manifest.json/blocked"
                fi
                exec REAL "$@"
                """.replace("REAL", real("pg_dump").toString()));
        tool("pg_restore", "#!/bin/sh\nexec " + real("pg_restore") + " \"$@\"\n");

        CliRun run = CliRun.run(environment(), home, "backup", "create");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(15);
        assertThat(run.err()).contains("cannot write the manifest of luvhive_backup_").contains("nothing was kept")
                .doesNotContain("\tat ");
        try (Stream<Path> left = Files.list(home.resolve("backups"))) {
            assertThat(left.map(path -> path.getFileName().toString()))
                    .noneMatch(name -> name.startsWith("luvhive_backup_") || name.startsWith(".tmp-"));
        }
        assertThat(home.resolve("logs").resolve("backup.log")).content().contains("\"outcome\":\"failed\"");
    }

    @Test
    void aSigtermWhilePgDumpRunsEndsPgDumpRemovesThePartialArchiveAndLogsTheInterruption() throws Exception {
        Path pidFile = bin.resolve("pg_dump.pid");
        tool("pg_dump", """
                #!/usr/bin/env bash
                [ "$1" = --version ] && exec %s --version
                for arg in "$@"; do case "$arg" in --file=*) file="${arg#--file=}" ;; esac; done
                printf 'PGDMP partial' > "$file"
                echo $$ > %s
                exec sleep 120
                """.formatted(real("pg_dump"), pidFile));
        tool("pg_restore", "#!/bin/sh\nexec " + real("pg_restore") + " \"$@\"\n");
        Process cli = startCli("backup", "create");
        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                    .until(() -> !cli.isAlive() || Files.exists(pidFile) && Files.size(pidFile) > 0);
            assertThat(pidFile).as(Files.exists(home.resolve("cli.out")) ? Files.readString(home.resolve("cli.out"))
                    : "no output").exists();
            long pgDumpPid = Long.parseLong(Files.readString(pidFile).strip());

            cli.destroy(); // SIGTERM, as systemd or timeout(1) send

            assertThat(cli.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(cli.exitValue()).isEqualTo(143);
            assertThat(ProcessHandle.of(pgDumpPid).map(ProcessHandle::isAlive).orElse(false))
                    .as("pg_dump still running after luvhive stopped").isFalse();
            try (Stream<Path> left = Files.list(home.resolve("backups"))) {
                assertThat(left.map(path -> path.getFileName().toString()))
                        .noneMatch(name -> name.startsWith(".tmp-") || name.startsWith("luvhive_backup_"));
            }
            List<String> log = Files.readAllLines(home.resolve("logs").resolve("backup.log"));
            assertThat(log.get(log.size() - 1)).contains("\"command\":\"create\"")
                    .contains("\"outcome\":\"interrupted\"");
        } finally {
            cli.destroyForcibly();
            if (Files.exists(pidFile) && Files.size(pidFile) > 0) {
                ProcessHandle.of(Long.parseLong(Files.readString(pidFile).strip()))
                        .ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }

    @Test
    void aSigtermWhilePgRestoreRunsEndsItDropsTheHalfRestoredDatabaseAndLogsTheInterruption() throws Exception {
        tool("pg_dump", "#!/bin/sh\nexec " + real("pg_dump") + " \"$@\"\n");
        Path pidFile = bin.resolve("pg_restore.pid");
        tool("pg_restore", """
                #!/usr/bin/env bash
                case " $* " in
                  *" --dbname "*) echo $$ > PIDFILE; exec sleep 120 ;;
                esac
                exec REAL "$@"
                """.replace("PIDFILE", pidFile.toString()).replace("REAL", real("pg_restore").toString()));
        CliRun created = CliRun.run(environment(), home, "backup", "create");
        assertThat(created.exitCode()).as(created.err()).isZero();
        String target = "interrupted_" + ProcessHandle.current().pid();

        Process cli = startCli("backup", "restore", "--latest", "--target", target);
        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                    .until(() -> !cli.isAlive() || Files.exists(pidFile) && Files.size(pidFile) > 0);
            assertThat(pidFile).as(Files.readString(home.resolve("cli.out"))).exists();
            long pgRestorePid = Long.parseLong(Files.readString(pidFile).strip());
            assertThat(databasesLike(target)).as("the target exists while pg_restore runs").isOne();

            cli.destroy(); // SIGTERM

            assertThat(cli.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(cli.exitValue()).isEqualTo(143);
            assertThat(ProcessHandle.of(pgRestorePid).map(ProcessHandle::isAlive).orElse(false))
                    .as("pg_restore still running after luvhive stopped").isFalse();
            assertThat(databasesLike(target)).as("the half-restored database was dropped").isZero();
            List<String> log = Files.readAllLines(home.resolve("logs").resolve("backup.log"));
            assertThat(log.get(log.size() - 1)).contains("\"command\":\"restore\"")
                    .contains("\"outcome\":\"interrupted\"").contains(target);
        } finally {
            cli.destroyForcibly();
        }
    }

    /** pg_dump exits 0 but what it left is no archive: the checks before the rename refuse it, nothing is kept. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "true | wrote no archive",
            "printf '' > \"$file\" | is empty",
            "printf 'not a dump' > \"$file\" | is not a pg_dump archive",
            "printf 'PGDMP garbage' > \"$file\" | table of contents does not read"})
    void aPgDumpThatExitsZeroWithoutAGoodArchiveKeepsNothingAndExits15(String leaves, String reason) throws Exception {
        tool("pg_dump", """
                #!/usr/bin/env bash
                [ "$1" = --version ] && exec REAL --version
                for arg in "$@"; do case "$arg" in --file=*) file="${arg#--file=}" ;; esac; done
                LEAVES
                exit 0
                """.replace("REAL", real("pg_dump").toString()).replace("LEAVES", leaves));
        tool("pg_restore", "#!/bin/sh\nexec " + real("pg_restore") + " \"$@\"\n");

        CliRun run = CliRun.run(environment(), home, "backup", "create");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(15);
        assertThat(run.err()).contains(reason).doesNotContain("\tat ");
        try (Stream<Path> left = Files.list(home.resolve("backups"))) {
            assertThat(left.map(path -> path.getFileName().toString()))
                    .noneMatch(name -> name.startsWith("luvhive_backup_") || name.startsWith(".tmp-"));
        }
        assertThat(home.resolve("logs").resolve("backup.log")).content().contains("\"outcome\":\"failed\"");
    }

    @Test
    void moreJobsThanSixteenIsAUsageError() {
        CliRun run = CliRun.run(new BackupFixture(database, home).environment(), home,
                "backup", "create", "--format", "directory", "--jobs", "150");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--jobs 150 is out of range: use 1 to 16");
        assertThat(home.resolve("backups")).doesNotExist();
    }

    /** The real CLI in a child JVM (its output in home/cli.out), so that it can be sent a signal. */
    private Process startCli(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), LuvhiveCli.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(home.resolve("cli.out").toFile());
        builder.environment().putAll(environment());
        builder.environment().put("HOME", home.toString());
        return builder.start();
    }

    private long databasesLike(String name) {
        return database.jdbi().withHandle(handle -> handle.createQuery(
                        "select count(*) from pg_database where datname = :name")
                .bind("name", name).mapTo(Long.class).one());
    }

    private Map<String, String> environment() {
        Map<String, String> environment = new HashMap<>(new BackupFixture(database, home).environment());
        environment.put("LUVHIVE_PG_BIN", bin.toString());
        return environment;
    }

    /** The real tool, found as backup create finds it. */
    private Path real(String tool) {
        return new BackupFixture(database, home).realPgBin().resolve(tool);
    }

    private void tool(String name, String script) throws IOException {
        Path tool = bin.resolve(name);
        Files.writeString(tool, script);
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwx------"));
    }
}
