package org.luvhive.core.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.luvhive.core.backup.internal.Retention;

class RetentionTest {

    private static final Instant START = Instant.parse("2025-01-01T03:00:00Z"); // a Wednesday

    @Test
    void weeklyAndMonthlyKeepTheNewestOfEachPeriod() {
        List<BackupSet> sets = daily(90);
        Instant now = sets.get(sets.size() - 1).completedAt().plus(Duration.ofHours(1));

        List<PruneDecision> decisions = Retention.decide(sets, new PrunePolicy(0, 0, 2, 3, Optional.empty()), now);

        assertThat(kept(decisions)).containsExactly(
                "day89", // newest; weekly 2025-W14 (day 89 is Monday 2025-03-31)
                "day88", // weekly 2025-W13 (its Sunday)
                "day58", // monthly 2025-02 (Feb 28)
                "day30"); // monthly 2025-01 (Jan 31)
    }

    @Test
    void ordersByRecordedCompletionTimeNotByName() {
        List<BackupSet> sets = new ArrayList<>(daily(3));
        // a set whose name sorts last but which completed first
        sets.add(set("zzz_oldest", START.minus(Duration.ofDays(10)), VerificationState.UNVERIFIED));

        List<PruneDecision> decisions = Retention.decide(sets, new PrunePolicy(2, 0, 0, 0, Optional.empty()),
                START.plus(Duration.ofDays(3)));

        assertThat(kept(decisions)).containsExactly("day2", "day1");
        assertThat(decisions.get(decisions.size() - 1).set().name()).isEqualTo("zzz_oldest");
    }

    @Test
    void theNewestAndTheNewestVerifiedAlwaysStay() {
        List<BackupSet> sets = new ArrayList<>(daily(5));
        sets.set(1, set("day1", sets.get(1).completedAt(), VerificationState.RESTORE_TESTED));

        List<PruneDecision> decisions = Retention.decide(sets, new PrunePolicy(0, 0, 0, 0, Optional.of(Duration.ofDays(1)))
                .orDefault(), START.plus(Duration.ofDays(100)));

        assertThat(kept(decisions)).containsExactly("day4", "day1");
        assertThat(decisions.get(0).reasons()).containsExactly("newest");
        assertThat(decisions.get(3).reasons()).containsExactly("newest verified");
    }

    @Test
    void aSetCompletedInTheFutureIsKeptButIsNotTheNewest() {
        List<BackupSet> sets = new ArrayList<>(daily(5));
        sets.add(set("edited", START.plus(Duration.ofDays(400)), VerificationState.VERIFIED));
        Instant now = START.plus(Duration.ofDays(4)).plus(Duration.ofHours(1));

        List<PruneDecision> decisions = Retention.decide(sets, new PrunePolicy(1, 0, 0, 0, Optional.empty()), now);

        assertThat(kept(decisions)).containsExactly("edited", "day4");
        assertThat(decisions.get(0).reasons()).containsExactly("completed in the future: clock skew or an edited manifest");
        assertThat(decisions.get(1).reasons()).containsExactly("last 1", "newest");
        assertThat(set("skewed", now.plus(Duration.ofMinutes(4)), VerificationState.UNVERIFIED).completedInFuture(now))
                .as("a few minutes of clock skew are tolerated").isFalse();
    }

    @Test
    void noRuleMeansFourteenDays() {
        assertThat(new PrunePolicy(0, 0, 0, 0, Optional.empty()).orDefault().maxAge()).contains(Duration.ofDays(14));
        List<PruneDecision> decisions = Retention.decide(daily(20), new PrunePolicy(0, 0, 0, 0, Optional.empty())
                .orDefault(), START.plus(Duration.ofDays(19)).plus(Duration.ofHours(1)));
        assertThat(kept(decisions)).hasSize(14).contains("day6").doesNotContain("day5");
    }

    private static List<BackupSet> daily(int days) {
        List<BackupSet> sets = new ArrayList<>();
        for (int day = 0; day < days; day++) {
            sets.add(set("day" + day, START.plus(Duration.ofDays(day)), VerificationState.UNVERIFIED));
        }
        return sets;
    }

    private static List<String> kept(List<PruneDecision> decisions) {
        return decisions.stream().filter(PruneDecision::keep).map(decision -> decision.set().name()).toList();
    }

    static BackupSet set(String name, Instant completedAt, VerificationState state) {
        BackupManifest manifest = new BackupManifest(1, name, BackupManifest.COMPLETE, name + ".dump", "custom",
                "gzip:1", 1, "luvhive", "127.0.0.1:5432", null, null, "15.15", "pg_dump (PostgreSQL) 15.18",
                "/usr/lib/postgresql/15/bin/pg_dump", "test",
                completedAt.minusSeconds(5), completedAt, 100, List.of(new ManifestFile(name + ".dump", 100, "0".repeat(64))),
                List.of(),
                new Verification(state, null, List.of(), null));
        return new BackupSet(Path.of(name + ".dump"), Path.of(name + ".manifest.json"), manifest);
    }
}
