package org.luvhive.cli.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.luvhive.cli.CliRun;
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
}
