package org.luvhive.drill.run;

/**
 * One emergency of RUNBOOK.md, rehearsed: starts its own world, breaks it, runs the
 * runbook's commands as written and checks the recovery, reporting each step to
 * {@link DrillRun}. A drill never restarts a bot. Implementations are stateless.
 */
public interface Drill {

    /** The name {@code scripts/drill NAME} takes, e.g. {@code floodwait}. */
    String name();

    /** The RUNBOOK.md section it rehearses. */
    String section();

    /** Runs it; any exception fails the drill at the step under way. */
    void run(DrillRun run) throws Exception;
}
