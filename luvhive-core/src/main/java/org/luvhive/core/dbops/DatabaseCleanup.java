package org.luvhive.core.dbops;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.luvhive.core.RetentionStep;
import org.luvhive.core.dbops.internal.ReportRetentionDao;

/**
 * Retention steps run now, for {@code luvhive db cleanup} (the bot's whole list is
 * {@code ops.RetentionJobs}). A dry run counts what each step would remove; {@link #apply}
 * removes it in batches of {@value RetentionStep#BATCH} rows, each its own short statement.
 * {@link #reportSteps} are the steps for what {@code luvhive db} keeps itself. Thread-safe.
 */
public final class DatabaseCleanup {

    private final List<RetentionStep> steps;

    public DatabaseCleanup(List<RetentionStep> steps) {
        this.steps = List.copyOf(steps);
    }

    /** What {@code luvhive db} keeps itself: reports of instances gone for a day, size samples past their time. */
    public static List<RetentionStep> reportSteps(Jdbi jdbi) {
        Duration gone = InstanceReporter.FORGET_AFTER;
        return List.of(
                new RetentionStep("pool_reports", "pool reports of bot instances silent for " + RetentionStep.age(gone),
                        now -> jdbi.withExtension(ReportRetentionDao.class, dao -> dao.countPoolStates(now.minus(gone))),
                        (now, limit) -> jdbi.withExtension(ReportRetentionDao.class,
                                dao -> dao.deletePoolStates(now.minus(gone), limit))),
                new RetentionStep("statement_timings", "statement timings of bot instances silent for "
                        + RetentionStep.age(gone),
                        now -> jdbi.withExtension(ReportRetentionDao.class, dao -> dao.countTimings(now.minus(gone))),
                        (now, limit) -> jdbi.withExtension(ReportRetentionDao.class,
                                dao -> dao.deleteTimings(now.minus(gone), limit))),
                new RetentionStep("size_history", "daily size samples older than " + SizeHistory.KEEP_DAYS + " days",
                        now -> jdbi.withExtension(ReportRetentionDao.class,
                                dao -> dao.countSizeDays(SizeHistory.oldestKept(now))),
                        (now, limit) -> jdbi.withExtension(ReportRetentionDao.class,
                                dao -> dao.deleteSizeDays(SizeHistory.oldestKept(now), limit))));
    }

    /** What each step would remove at {@code now}. */
    public List<CleanupCount> dryRun(Instant now) {
        return steps.stream().map(step -> new CleanupCount(step.name(), step.description(), step.count(now))).toList();
    }

    /** Removes what each step finds at {@code now}; returns how many rows each removed. */
    public List<CleanupCount> apply(Instant now) {
        return steps.stream().map(step -> new CleanupCount(step.name(), step.description(),
                step.apply(now, RetentionStep.BATCH))).toList();
    }

    /**
     * One step's rows.
     *
     * @param name        the step ({@code inbox}, {@code relay_maps}, ...)
     * @param description what it removes
     * @param rows        rows it would remove (dry run) or removed
     */
    public record CleanupCount(String name, String description, long rows) {
    }
}
