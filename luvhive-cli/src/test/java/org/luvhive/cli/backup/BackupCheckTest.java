package org.luvhive.cli.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.luvhive.cli.CliRun;
import org.luvhive.core.testing.ManualClock;
import org.luvhive.core.testing.PostgresExtension;
import org.luvhive.core.testing.TestDatabase;

@ExtendWith(PostgresExtension.class)
class BackupCheckTest {

    @TempDir
    Path home;

    private final TestDatabase database;

    BackupCheckTest(TestDatabase database) {
        this.database = database;
    }

    @Test
    void okWarningAndCriticalAsNagiosExpects() {
        BackupFixture fixture = new BackupFixture(database, home);
        ManualClock clock = new ManualClock(Instant.parse("2025-03-02T03:00:00Z"));

        CliRun none = fixture.run(clock, "backup", "check");
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.out()).startsWith("BACKUP CRITICAL - no complete backup");

        String name = fixture.create(clock);
        clock.advance(Duration.ofMinutes(10));
        CliRun fresh = fixture.run(clock, "backup", "check");
        assertThat(fresh.exitCode()).as(fresh.out()).isZero();
        assertThat(fresh.out()).startsWith("BACKUP OK - newest " + name + " 10m ago").contains("unverified");

        clock.advance(Duration.ofHours(3));
        CliRun unverified = fixture.run(clock, "backup", "check");
        assertThat(unverified.exitCode()).as(unverified.out()).isEqualTo(1);
        assertThat(unverified.out()).startsWith("BACKUP WARNING").contains("not verified");

        assertThat(fixture.run(clock, "backup", "verify").exitCode()).isZero();
        CliRun verified = fixture.run(clock, "backup", "check", "--warn-age", "12h");
        assertThat(verified.exitCode()).as(verified.out()).isZero();
        assertThat(verified.out()).matches("BACKUP OK - newest " + name + " 3h ago, [0-9.]+ KiB, verified \\| .*\\s*");

        clock.advance(Duration.ofHours(10));
        assertThat(fixture.run(clock, "backup", "check", "--warn-age", "12h").exitCode()).isEqualTo(1);
        assertThat(fixture.run(clock, "backup", "check", "--min-size", "1G").exitCode()).isEqualTo(2);

        clock.advance(Duration.ofHours(14));
        CliRun stale = fixture.run(clock, "backup", "check", "--json");
        assertThat(stale.exitCode()).isEqualTo(2);
        assertThat(stale.out()).contains("\"status\" : \"CRITICAL\"").contains("older than 1d 2h");
    }

    @Test
    void aBadArgumentIsUnknownWithAStatusLine() {
        BackupFixture fixture = new BackupFixture(database, home);
        for (String[] args : new String[][] {{"--max-age", "1x"}, {"--min-size", "99999999999999999999"},
                {"--max-age", "99999999999d"}, {"--warn-age"}, {"--max-agee", "26h"}, {"--min-size", "9999999999999G"}}) {
            String[] command = java.util.stream.Stream.concat(java.util.stream.Stream.of("backup", "check"),
                    java.util.Arrays.stream(args)).toArray(String[]::new);
            CliRun run = fixture.run(command);
            assertThat(run.exitCode()).as(String.join(" ", args) + ": " + run.out() + run.err()).isEqualTo(3);
            assertThat(run.out()).startsWith("BACKUP UNKNOWN - invalid argument: ").doesNotContain("Exception")
                    .doesNotContain("overflow");
            assertThat(run.out().strip()).doesNotContain("\n");
        }
        CliRun json = fixture.run("backup", "check", "--json", "--min-size", "lots");
        assertThat(json.exitCode()).isEqualTo(3);
        assertThat(json.out()).contains("\"status\" : \"UNKNOWN\"").contains("\"code\" : 3");
    }

    @Test
    void aTruncatedOrMissingNewestArchiveIsCritical() throws Exception {
        BackupFixture fixture = new BackupFixture(database, home);
        ManualClock clock = new ManualClock(Instant.parse("2025-03-02T03:00:00Z"));
        String older = fixture.create(clock);
        clock.advance(Duration.ofHours(1));
        String newest = fixture.create(clock);
        clock.advance(Duration.ofMinutes(1));
        java.nio.file.Path archive = fixture.backupDirectory().resolve(newest + ".dump");
        java.nio.file.Files.write(archive, new byte[0]);

        CliRun truncated = fixture.run(clock, "backup", "check", "--min-size", "1");
        assertThat(truncated.exitCode()).as(truncated.out()).isEqualTo(2);
        assertThat(truncated.out()).startsWith("BACKUP CRITICAL - newest " + newest + " is DAMAGED")
                .contains("has 0 bytes").contains("newest usable " + older);

        CliRun list = fixture.run(clock, "backup", "list");
        assertThat(list.exitCode()).isZero();
        assertThat(list.out()).containsPattern(newest + " .* DAMAGED ");
        CliRun listJson = fixture.run(clock, "backup", "list", "--json");
        assertThat(listJson.out()).contains("\"state\" : \"damaged\"").contains("\"state\" : \"ok\"");

        java.nio.file.Files.delete(archive);
        CliRun missing = fixture.run(clock, "backup", "check");
        assertThat(missing.exitCode()).as(missing.out()).isEqualTo(2);
        assertThat(missing.out()).startsWith("BACKUP CRITICAL - newest " + newest + " is MISSING");
        assertThat(fixture.run(clock, "backup", "verify", newest).exitCode()).isEqualTo(12);
    }

    @Test
    void aBackupDirectoryThatIsAFileIsUnknownAndListFails() throws Exception {
        BackupFixture fixture = new BackupFixture(database, home);
        java.nio.file.Path file = java.nio.file.Files.writeString(home.resolve("env.sh"), "x=1");
        java.util.Map<String, String> environment = new java.util.HashMap<>(fixture.environment());
        environment.put("LUVHIVE_BACKUP_DIR", file.toString());

        CliRun check = CliRun.run(environment, home, "backup", "check");
        assertThat(check.exitCode()).isEqualTo(3);
        assertThat(check.out()).startsWith("BACKUP UNKNOWN - cannot read the backup directory").contains("not a directory");
        CliRun list = CliRun.run(environment, home, "backup", "list");
        assertThat(list.exitCode()).isNotZero();
        assertThat(list.err()).contains("not a directory").doesNotContain("No complete backup");
    }
}
