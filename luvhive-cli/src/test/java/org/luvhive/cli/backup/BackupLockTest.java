package org.luvhive.cli.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.luvhive.cli.CliRun;
import org.luvhive.core.testing.PostgresExtension;
import org.luvhive.core.testing.TestDatabase;

/** Two creates at once (cron and a person): the second fails naming the first, or waits with --lock-wait. */
@ExtendWith(PostgresExtension.class)
class BackupLockTest {

    @TempDir
    Path home;

    @TempDir
    Path bin;

    private final TestDatabase database;

    BackupLockTest(TestDatabase database) {
        this.database = database;
    }

    @Test
    void aSecondCreateFailsFastNamingTheHolderOrWaitsForIt() throws Exception {
        Map<String, String> environment = slowPgDumpEnvironment();
        CompletableFuture<CliRun> first = CompletableFuture.supplyAsync(() ->
                CliRun.run(environment, home, Clock.systemUTC(), "backup", "create"));
        Path lockFile = home.resolve("backups").resolve(".luvhive-backup.lock");
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
                .until(() -> first.isDone() || Files.exists(lockFile) && Files.size(lockFile) > 0);
        assertThat(first.isDone()).as("the first create is still dumping").isFalse();

        CliRun second = CliRun.run(environment, home, "backup", "create");
        assertThat(second.exitCode()).isEqualTo(10);
        assertThat(second.err()).contains("another backup run holds the lock").contains("'backup create'")
                .contains("pid " + ProcessHandle.current().pid()).contains("--lock-wait");

        CliRun waiting = CliRun.run(environment, home, "backup", "create", "--lock-wait", "60s");
        assertThat(waiting.exitCode()).as(waiting.err()).isZero();
        assertThat(first.get(60, TimeUnit.SECONDS).exitCode()).isZero();
        assertThat(new BackupFixture(database, home).run("backup", "list", "--json").out())
                .containsPattern("(?s)luvhive_backup_.*luvhive_backup_");
        assertThat(home.resolve("logs").resolve("backup.log")).content().contains("\"outcome\":\"failed\"");
    }

    /** pg_dump that takes two seconds longer than the real one, so the runs overlap for sure. */
    private Map<String, String> slowPgDumpEnvironment() throws IOException {
        Path realBin = new BackupFixture(database, home).realPgBin();
        Path pgDump = bin.resolve("pg_dump");
        Files.writeString(pgDump, "#!/bin/sh\n[ \"$1\" = --version ] || sleep 2\nexec " + realBin.resolve("pg_dump")
                + " \"$@\"\n");
        Files.setPosixFilePermissions(pgDump, PosixFilePermissions.fromString("rwx------"));
        Path pgRestore = bin.resolve("pg_restore");
        Files.writeString(pgRestore, "#!/bin/sh\nexec " + realBin.resolve("pg_restore") + " \"$@\"\n");
        Files.setPosixFilePermissions(pgRestore, PosixFilePermissions.fromString("rwx------"));
        Map<String, String> environment = new HashMap<>(new BackupFixture(database, home).environment());
        environment.put("LUVHIVE_PG_BIN", bin.toString());
        return environment;
    }
}
