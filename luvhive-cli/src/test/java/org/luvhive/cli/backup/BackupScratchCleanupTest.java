package org.luvhive.cli.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.luvhive.cli.CliRun;
import org.luvhive.core.backup.internal.InUseRegistry;
import org.luvhive.core.backup.internal.ScratchDatabases;
import org.luvhive.core.testing.PostgresExtension;
import org.luvhive.core.testing.TestDatabase;
import org.luvhive.core.testing.TestPostgresServer;

/** verify --restore-test drops scratch databases that interrupted runs left, never a live run's. */
@ExtendWith(PostgresExtension.class)
class BackupScratchCleanupTest {

    @TempDir
    Path home;

    private final TestDatabase database;

    BackupScratchCleanupTest(TestDatabase database) {
        this.database = database;
    }

    @Test
    void staleScratchDatabasesAreDroppedAndALiveRunsIsKept(TestPostgresServer server) {
        BackupFixture.seed(database.jdbi());
        BackupFixture fixture = new BackupFixture(database, home);
        String name = fixture.create(Clock.systemUTC());
        long deadPid = deadPid();
        long ownPid = ProcessHandle.current().pid();
        String deadOwner = "luvhive_verify_20200101000000_p" + deadPid + "_abc123";
        String olderBuild = "luvhive_verify_20200101000000_def456";
        String deadRestore = "luvhive_restore_20200101000000_p" + deadPid + "_aaa111";
        String liveOwner = "luvhive_verify_20200101000000_p" + ownPid + "_bbb222";
        String otherHost = ScratchDatabases.hostTag().equals("ffffff") ? "000000" : "ffffff";
        String otherHostRecent = "luvhive_verify_" + TIME.format(Instant.now().minus(Duration.ofHours(1))) + "_h"
                + otherHost + "_p" + deadPid + "_ccc333";
        String otherHostOld = "luvhive_verify_20200101000000_h" + otherHost + "_p" + deadPid + "_ddd444";
        String thisHostDead = "luvhive_verify_20200101000000_h" + ScratchDatabases.hostTag() + "_p" + deadPid
                + "_eee555";
        List<String> all = List.of(deadOwner, olderBuild, deadRestore, liveOwner, otherHostRecent, otherHostOld,
                thisHostDead);
        all.forEach(scratch -> database.jdbi().useHandle(handle -> handle.execute("create database " + scratch)));
        InUseRegistry registry = new InUseRegistry(fixture.backupDirectory());
        try (var live = registry.mark("backup verify", () -> "some_backup", value -> value)) {

            CliRun verify = fixture.run("backup", "verify", "--restore-test", name);

            assertThat(verify.exitCode()).as(verify.err()).isZero();
            assertThat(verify.err()).contains("dropped " + deadOwner).contains("dropped " + olderBuild);
            assertThat(server.databaseExists(deadOwner)).isFalse();
            assertThat(server.databaseExists(olderBuild)).isFalse();
            assertThat(server.databaseExists(deadRestore)).isFalse();
            assertThat(server.databaseExists(liveOwner)).as("a live run's scratch database is its own").isTrue();
            assertThat(server.databaseExists(thisHostDead)).isFalse();
            assertThat(server.databaseExists(otherHostRecent))
                    .as("another host's run may be going on: its markers are in its own backup directory").isTrue();
            assertThat(server.databaseExists(otherHostOld)).as("another host's, a day old").isFalse();
        } finally {
            all.forEach(server::dropDatabase);
        }
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
            .withZone(ZoneOffset.UTC);

    private static long deadPid() {
        for (long pid = 3_999_999; ; pid--) {
            if (ProcessHandle.of(pid).isEmpty()) {
                return pid;
            }
        }
    }
}
