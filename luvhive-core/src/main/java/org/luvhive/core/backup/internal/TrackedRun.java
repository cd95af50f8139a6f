package org.luvhive.core.backup.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;

/**
 * One backup run and its line in the backup log: the backup's name and the target
 * database as soon as they are known (so a failed or interrupted run's line names them
 * too), where the time went (create), and the outcome: ok, failed (also when a verify
 * returns with a step that could not run) or interrupted (from the {@link RunGuard} when
 * the JVM is stopped). Thread-safe: the guard's stop thread reads what the run thread set.
 */
public final class TrackedRun {

    private final RunGuard guard;
    private volatile String backup;
    private volatile String target;
    private volatile String failure;
    private volatile StepTimes steps;

    private TrackedRun(RunGuard guard) {
        this.guard = guard;
    }

    /** Runs {@code work} and appends its line; {@code bytes} and {@code summary} describe a result. */
    public static <T> T run(BackupLog log, Clock clock, String command, Function<TrackedRun, T> work,
                            Function<T, Long> bytes, Function<T, String> summary) {
        Instant started = clock.instant();
        TrackedRun[] run = new TrackedRun[1];
        try (RunGuard guard = RunGuard.install("backup-" + command, () -> log.append(run[0].entry(clock, started,
                command, "interrupted", null, "stopped by a signal; child processes ended, partial work removed")))) {
            run[0] = new TrackedRun(guard);
            try {
                T result = work.apply(run[0]);
                String failed = run[0].failure;
                log.append(run[0].entry(clock, started, command, failed == null ? "ok" : "failed", bytes.apply(result),
                        failed == null ? summary.apply(result) : failed));
                return result;
            } catch (RuntimeException failed) {
                if (!guard.stopping()) { // when stopping, the guard writes the line
                    log.append(run[0].entry(clock, started, command, "failed", null, failed.getMessage()));
                }
                throw failed;
            }
        }
    }

    private BackupLog.Entry entry(Clock clock, Instant started, String command, String outcome, Long bytes,
                                  String message) {
        StepTimes times = steps;
        return new BackupLog.Entry(clock.instant(), command, backup, outcome, Duration.between(started, clock.instant()),
                bytes, withTarget(message), times == null ? Map.of() : times.asMap());
    }

    public RunGuard guard() {
        return guard;
    }

    /** The backup this run works on. */
    public void backup(String name) {
        this.backup = name;
    }

    /** Where this run's time goes, step by step (for the log line). */
    public void steps(StepTimes times) {
        this.steps = times;
    }

    /** The database this run restores into. */
    public void target(String database) {
        this.target = database;
    }

    /** The run returns a result but did not do all it was asked: its line says failed, with this reason. */
    public void failed(String reason) {
        this.failure = reason;
    }

    private String withTarget(String message) {
        if (target == null) {
            return message;
        }
        return "into database " + target + (message == null ? "" : ": " + message);
    }
}
