package org.luvhive.drill;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import org.luvhive.drill.drills.AbuseDrill;
import org.luvhive.drill.drills.BackupFailureDrill;
import org.luvhive.drill.drills.DatabaseCpuDrill;
import org.luvhive.drill.drills.DatabaseRecoveryDrill;
import org.luvhive.drill.drills.FloodWaitDrill;
import org.luvhive.drill.drills.TokenCompromiseDrill;
import org.luvhive.drill.drills.WebhookDrill;
import org.luvhive.drill.run.Drill;
import org.luvhive.drill.run.DrillResult;
import org.luvhive.drill.run.DrillRun;
import org.luvhive.drill.runbook.Runbook;

/**
 * Every drill, in the order {@code scripts/drill all} runs them (the most valuable to an
 * on-call engineer first), and the running of one: its steps, then its JSON summary as the
 * last line. Thread-safe.
 */
public final class Drills {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Drill> all = List.of(new FloodWaitDrill(), new DatabaseCpuDrill(), new WebhookDrill(),
            new BackupFailureDrill(), new DatabaseRecoveryDrill(), new TokenCompromiseDrill(), new AbuseDrill());
    private final Runbook runbook;

    public Drills(Runbook runbook) {
        this.runbook = runbook;
    }

    public List<Drill> all() {
        return all;
    }

    public Optional<Drill> named(String name) {
        return all.stream().filter(drill -> drill.name().equals(name)).findFirst();
    }

    /** Runs {@code drill}, printing a line per step and the JSON summary last; never throws for a failed drill. */
    public DrillResult run(Drill drill, PrintStream out) {
        DrillRun run = new DrillRun(drill, runbook, out);
        DrillResult result;
        try {
            drill.run(run);
            result = run.result(true, null);
        } catch (Exception | AssertionError failed) {
            String message = failed.getMessage() == null ? failed.getClass().getName() : failed.getMessage();
            run.step("FAILED", message);
            result = run.result(false, message);
        }
        out.println(json(result));
        return result;
    }

    static String json(DrillResult result) {
        try {
            return JSON.writeValueAsString(result.summary());
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
