package org.luvhive.core.backup.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.luvhive.core.backup.BackupSet;
import org.luvhive.core.backup.HumanFormat;
import org.luvhive.core.backup.PruneDecision;
import org.luvhive.core.backup.PrunePolicy;

/**
 * Decides which sets a {@link PrunePolicy} keeps. Pure: sets in, decisions out, ordered
 * by recorded completion time (never by file time or name). Stateless and thread-safe.
 */
public final class Retention {

    private Retention() {
    }

    /**
     * One decision per set, newest first. {@code now} is the clock's instant. A set that
     * completed in the future (clock skew, an edited manifest) is kept and takes no part
     * in the rules: as "newest" it would let the real newest sets go.
     */
    public static List<PruneDecision> decide(List<BackupSet> sets, PrunePolicy policy, Instant now) {
        List<BackupSet> all = new ArrayList<>(sets);
        all.sort(Comparator.comparing(BackupSet::completedAt).reversed());
        Map<BackupSet, List<String>> reasons = new LinkedHashMap<>();
        all.forEach(set -> reasons.put(set, new ArrayList<>()));
        all.stream().filter(set -> set.completedInFuture(now))
                .forEach(set -> reasons.get(set).add("completed in the future: clock skew or an edited manifest"));
        List<BackupSet> newestFirst = all.stream().filter(set -> !set.completedInFuture(now)).toList();

        for (int index = 0; index < Math.min(policy.keepLast(), newestFirst.size()); index++) {
            reasons.get(newestFirst.get(index)).add("last " + policy.keepLast());
        }
        keepPerPeriod(newestFirst, policy.keepDaily(), "daily", set -> day(set).toString(), reasons);
        keepPerPeriod(newestFirst, policy.keepWeekly(), "weekly", set -> day(set).get(IsoFields.WEEK_BASED_YEAR)
                + "-W" + String.format("%02d", day(set).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)), reasons);
        keepPerPeriod(newestFirst, policy.keepMonthly(), "monthly",
                set -> day(set).getYear() + "-" + String.format("%02d", day(set).getMonthValue()), reasons);
        policy.maxAge().ifPresent(maxAge -> newestFirst.stream()
                .filter(set -> !set.completedAt().isBefore(now.minus(maxAge)))
                .forEach(set -> reasons.get(set).add("within " + HumanFormat.age(maxAge))));
        if (!newestFirst.isEmpty()) {
            reasons.get(newestFirst.get(0)).add("newest");
        }
        newestFirst.stream().filter(set -> set.verificationState().passed()).findFirst()
                .ifPresent(set -> reasons.get(set).add("newest verified"));

        List<PruneDecision> decisions = new ArrayList<>();
        reasons.forEach((set, why) -> decisions.add(new PruneDecision(set, !why.isEmpty(), why)));
        return decisions;
    }

    /** The newest set of each of the {@code count} most recent periods that have a set. */
    private static void keepPerPeriod(List<BackupSet> newestFirst, int count, String label,
                                      Function<BackupSet, String> period, Map<BackupSet, List<String>> reasons) {
        Set<String> seen = new HashSet<>();
        for (BackupSet set : newestFirst) {
            if (seen.size() >= count) {
                return;
            }
            String key = period.apply(set);
            if (seen.add(key)) {
                reasons.get(set).add(label + " " + key);
            }
        }
    }

    private static LocalDate day(BackupSet set) {
        return LocalDate.ofInstant(set.completedAt(), ZoneOffset.UTC);
    }
}
