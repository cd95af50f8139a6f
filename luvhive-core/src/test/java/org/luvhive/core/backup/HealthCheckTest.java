package org.luvhive.core.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.luvhive.core.backup.internal.HealthCheck;

/** The check's verdict when the newest set is broken or dated in the future. */
class HealthCheckTest {

    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

    private static CheckResult check(List<BackupSet> sets, List<BrokenSet> broken) {
        return HealthCheck.evaluate(new BackupCatalog.Listing(sets, broken, List.of()), CheckThresholds.defaults(),
                NOW, "/backups", Optional.empty());
    }

    private static BackupSet set(String name, Duration ago) {
        return RetentionTest.set(name, NOW.minus(ago), VerificationState.VERIFIED);
    }

    @Test
    void aHealthyNewestSetIsOkWithNagiosRanges() {
        CheckResult result = check(List.of(set("b", Duration.ofHours(1))), List.of());
        assertThat(result.status()).isEqualTo(CheckStatus.OK);
        assertThat(result.line()).startsWith("BACKUP OK - newest b 1h ago, 100 B, verified | ")
                .contains("age=3600s;;93600;0; size=100B;;1:;0; backups=1 broken=0");
    }

    @Test
    void aDamagedNewestSetIsCriticalEvenWithAGoodOlderOne() {
        BackupSet truncated = set("new", Duration.ofMinutes(5));
        BrokenSet damaged = new BrokenSet("new", Path.of("new.manifest.json"), truncated.completedAt(),
                Optional.of(truncated), BrokenSet.State.DAMAGED, "new.dump has 0 bytes, the manifest says 100");
        CheckResult result = check(List.of(set("old", Duration.ofHours(20))), List.of(damaged));
        assertThat(result.status()).isEqualTo(CheckStatus.CRITICAL);
        assertThat(result.line()).startsWith("BACKUP CRITICAL - newest new is DAMAGED (new.dump has 0 bytes")
                .contains("newest usable old 20h ago");
    }

    @Test
    void anOlderBrokenSetIsAWarning() {
        BrokenSet unreadable = new BrokenSet("older", Path.of("older.manifest.json"), NOW.minus(Duration.ofDays(3)),
                Optional.empty(), BrokenSet.State.CORRUPT, "unreadable manifest: ...");
        CheckResult result = check(List.of(set("b", Duration.ofHours(1))), List.of(unreadable));
        assertThat(result.status()).isEqualTo(CheckStatus.WARNING);
        assertThat(result.line()).contains("1 other set(s) broken");
    }

    @Test
    void aFutureCompletionTimeIsAWarningAndNotTheNewest() {
        BackupSet future = RetentionTest.set("edited", NOW.plus(Duration.ofDays(30)), VerificationState.VERIFIED);
        CheckResult result = check(List.of(future, set("real", Duration.ofHours(30))), List.of());
        assertThat(result.status()).as("the real newest is too old").isEqualTo(CheckStatus.CRITICAL);
        assertThat(result.line()).startsWith("BACKUP CRITICAL - newest real 1d 6h ago").contains("edited says it "
                + "completed 30d in the future").doesNotContain("age=-");

        CheckResult alone = check(List.of(future), List.of());
        assertThat(alone.status()).isEqualTo(CheckStatus.WARNING);
        assertThat(alone.line()).contains("no usable backup with a believable completion time");
    }
}
