package org.luvhive.drill.run;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.luvhive.drill.runbook.Runbook;
import org.luvhive.drill.runbook.RunbookLine;
import org.luvhive.drill.world.Operator;
import org.luvhive.drill.world.Traffic;
import org.luvhive.drill.world.Waits;

/**
 * One run of a drill: prints a line per step as it happens, and keeps the figures of the
 * summary: when the world was broken, when the breakage was detected (the alert, the
 * status line, the failing check) and when it had recovered, and the traffic's lost and
 * duplicated messages. Used by one drill thread at a time.
 */
public final class DrillRun {

    private final Drill drill;
    private final Runbook runbook;
    private final PrintStream out;
    private final long started = System.nanoTime();
    private int steps;
    private long brokenAt = -1;
    private long detectedAt = -1;
    private long recoveredAt = -1;
    private long lost;
    private long duplicated;

    public DrillRun(Drill drill, Runbook runbook, PrintStream out) {
        this.drill = drill;
        this.runbook = runbook;
        this.out = out;
    }

    /** The runbook's own line in this drill's section (fails when RUNBOOK.md does not say it). */
    public RunbookLine line(String text) {
        return runbook.line(drill.section(), text);
    }

    /** The runbook's own line in another section. */
    public RunbookLine line(String section, String text) {
        return runbook.line(section, text);
    }

    /** Prints one step: what was done and what came of it. */
    public void step(String what, String outcome) {
        steps++;
        out.printf(Locale.ROOT, "%s [%6.1fs] step %d: %s -> %s%n", drill.name(), seconds(System.nanoTime() - started),
                steps, what, outcome.strip().replace('\n', ' '));
    }

    /** Prints a runbook command's step: the command as written, its exit code and first line. */
    public Operator.Outcome ran(Operator.Outcome outcome) {
        step("`" + outcome.command() + "`", "exit " + outcome.exitCode() + ": " + outcome.firstLine());
        return outcome;
    }

    /** Runs a runbook command, prints its step and fails the drill unless it exits with {@code expected}. */
    public Operator.Outcome expect(Operator operator, RunbookLine line, int expected) {
        Operator.Outcome outcome = ran(operator.run(line));
        if (outcome.exitCode() != expected) {
            throw new AssertionError("`" + line.text() + "` exited " + outcome.exitCode() + ", expected " + expected
                    + ": " + outcome.out().strip() + " " + outcome.err().strip());
        }
        return outcome;
    }

    /**
     * Runs a runbook command again and again (as an engineer re-runs {@code luvhive status})
     * until its outcome satisfies {@code until}, then prints that run's step; fails after
     * {@code atMost} with the last outcome.
     */
    public Operator.Outcome await(Operator operator, RunbookLine line, Predicate<Operator.Outcome> until,
                                  Duration atMost) {
        AtomicReference<Operator.Outcome> last = new AtomicReference<>();
        try {
            Waits.until("`" + line.text() + "` shows it", atMost, () -> {
                last.set(operator.run(line));
                return until.test(last.get());
            });
        } catch (IllegalStateException notSeen) {
            Operator.Outcome outcome = last.get();
            throw new AssertionError(notSeen.getMessage() + "; last: exit " + (outcome == null ? "-" : outcome.exitCode()
                    + ": " + outcome.out().strip()), notSeen);
        }
        return ran(last.get());
    }

    public void broken(String how) {
        brokenAt = System.nanoTime();
        step("break", how);
    }

    public void detected(String how) {
        detectedAt = System.nanoTime();
        step("detected", how);
    }

    public void recovered(String how) {
        recoveredAt = System.nanoTime();
        step("recovered", how);
    }

    public void traffic(Traffic.Tally tally) {
        lost = tally.lost();
        duplicated = tally.duplicated();
        step("traffic", tally.sent() + " texts sent, " + tally.received() + " received, " + tally.lost() + " lost, "
                + tally.duplicated() + " duplicated");
        if (tally.lost() > 0 || tally.duplicated() > 0) {
            throw new AssertionError(tally.lost() + " messages lost, " + tally.duplicated() + " duplicated");
        }
    }

    public DrillResult result(boolean passed, String failure) {
        return new DrillResult(drill.name(), passed, steps, since(detectedAt), since(recoveredAt), lost, duplicated,
                seconds(System.nanoTime() - started), failure);
    }

    private Double since(long at) {
        return at < 0 || brokenAt < 0 ? null : seconds(at - brokenAt);
    }

    private static double seconds(long nanos) {
        return Math.round(Duration.ofNanos(nanos).toMillis() / 100.0) / 10.0;
    }
}
