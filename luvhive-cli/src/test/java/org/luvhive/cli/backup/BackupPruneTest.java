package org.luvhive.cli.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.luvhive.cli.CliRun;
import org.luvhive.core.testing.ManualClock;
import org.luvhive.core.testing.PostgresExtension;
import org.luvhive.core.testing.TestDatabase;

@ExtendWith(PostgresExtension.class)
class BackupPruneTest {

    @TempDir
    Path home;

    private final TestDatabase database;

    BackupPruneTest(TestDatabase database) {
        this.database = database;
    }

    @Test
    void keepsTheRightSetsOfASeriesDatedByTheClock() {
        BackupFixture fixture = new BackupFixture(database, home);
        ManualClock clock = new ManualClock(Instant.parse("2025-01-01T03:00:00Z"));
        List<String> daily = new ArrayList<>(); // one a day for 20 days, then a second one on the last day
        for (int day = 0; day < 20; day++) {
            daily.add(fixture.create(clock));
            if (day == 5) {
                assertThat(fixture.run(clock, "backup", "verify", daily.get(day)).exitCode()).isZero();
            }
            clock.advance(Duration.ofDays(1));
        }
        clock.advance(Duration.ofHours(-12));
        String extra = fixture.create(clock);
        clock.advance(Duration.ofHours(1));

        CliRun dryRun = fixture.run(clock, "backup", "prune", "--keep-last", "2", "--keep-daily", "4");
        assertThat(dryRun.exitCode()).as(dryRun.err()).isZero();
        assertThat(dryRun.out()).startsWith("Dry run").contains("remove  " + daily.get(0));
        assertThat(fixture.run(clock, "backup", "list", "--json").out()).contains(daily.get(0));

        CliRun applied = fixture.run(clock, "backup", "prune", "--keep-last", "2", "--keep-daily", "4", "--apply");
        assertThat(applied.exitCode()).as(applied.err()).isZero();
        // last 2: extra and day 19; daily: day 19 (newest of its day is extra), 18, 17, 16; newest verified: day 5
        assertThat(remaining(fixture)).containsExactlyInAnyOrder(extra, daily.get(19), daily.get(18), daily.get(17),
                daily.get(16), daily.get(5));
        assertThat(applied.out()).contains("newest verified");

        CliRun byDefault = fixture.run(clock, "backup", "prune", "--apply", "--json");
        assertThat(byDefault.exitCode()).isZero();
        assertThat(remaining(fixture)).as("the 14-day default keeps all these and the newest verified")
                .containsExactlyInAnyOrder(extra, daily.get(19), daily.get(18), daily.get(17), daily.get(16),
                        daily.get(5));

        clock.advance(Duration.ofDays(60)); // backups stopped: the default must not remove the newest
        fixture.run(clock, "backup", "prune", "--apply");
        assertThat(remaining(fixture)).containsExactlyInAnyOrder(extra, daily.get(5));
        assertThat(fixture.run(clock, "backup", "prune", "--keep-last", "-1").exitCode()).isEqualTo(2);
    }

    @Test
    void aManifestNamingAnotherPathIsCorruptAndNothingOutsideIsDeleted() throws Exception {
        BackupFixture fixture = new BackupFixture(database, home);
        ManualClock clock = new ManualClock(Instant.parse("2025-01-01T03:00:00Z"));
        String edited = fixture.create(clock);
        String unreadable = fixture.create(clock);
        clock.advance(Duration.ofDays(30));
        String newest = fixture.create(clock);
        Path victim = Files.createDirectories(home.resolve("victimdir/sub"));
        Files.writeString(victim.resolve("important.txt"), "precious");
        // sealed again: the checksum is no signature, so the path checks must hold on their own
        fixture.rewriteManifest(edited, manifest -> manifest.put("archive", "../../victimdir").put("format", "directory"));
        Files.writeString(fixture.backupDirectory().resolve(unreadable + ".manifest.json"), "{ broken");

        CliRun verify = fixture.run(clock, "backup", "verify", edited);
        assertThat(verify.exitCode()).as(verify.err()).isEqualTo(12);
        assertThat(verify.err()).contains("corrupt").contains("../../victimdir");
        CliRun verifyUnreadable = fixture.run(clock, "backup", "verify", unreadable);
        assertThat(verifyUnreadable.exitCode()).as(verifyUnreadable.err()).isEqualTo(12);
        assertThat(verifyUnreadable.err().strip()).doesNotContain("\n");

        CliRun applied = fixture.run(clock, "backup", "prune", "--keep-last", "1", "--apply");
        assertThat(applied.exitCode()).as(applied.err()).isZero();
        assertThat(victim.resolve("important.txt")).hasContent("precious");
        assertThat(applied.out()).contains("keep    " + edited + "  (BROKEN").contains("keep    " + unreadable + "  (BROKEN")
                .contains("keep    " + newest).doesNotContain("  removed ");
        assertThat(fixture.backupDirectory().resolve(unreadable + ".dump")).exists();
        assertThat(fixture.backupDirectory().resolve(edited + ".dump")).exists();
        CliRun list = fixture.run(clock, "backup", "list", "--json");
        assertThat(list.out()).contains("\"state\" : \"corrupt\"").contains(unreadable).contains(edited);
    }

    @Test
    void anOverlongDurationIsAUsageError() {
        BackupFixture fixture = new BackupFixture(database, home);
        CliRun run = fixture.run("backup", "prune", "--max-age", "99999999999d");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("out of range").doesNotContain("overflow").doesNotContain("Exception");
    }

    /** Names of the sets whose archive and manifest both remain; no half sets may be left. */
    private static List<String> remaining(BackupFixture fixture) {
        try (var files = Files.list(fixture.backupDirectory())) {
            List<String> names = files.map(file -> file.getFileName().toString()).filter(name -> !name.startsWith("."))
                    .toList();
            List<String> sets = names.stream().filter(name -> name.endsWith(".manifest.json"))
                    .map(name -> name.substring(0, name.length() - ".manifest.json".length())).toList();
            assertThat(names).hasSize(sets.size() * 2);
            sets.forEach(set -> assertThat(names).contains(set + ".dump"));
            return sets;
        } catch (java.io.IOException failure) {
            throw new java.io.UncheckedIOException(failure);
        }
    }
}
