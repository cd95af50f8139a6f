package org.luvhive.cli.db;

import java.util.List;
import java.util.concurrent.Callable;
import org.luvhive.cli.support.CliContext;
import org.luvhive.cli.support.DocumentsExitCodes;
import org.luvhive.cli.support.ExitCode;
import org.luvhive.cli.support.JsonOption;
import org.luvhive.core.dbops.SessionSignals;
import org.luvhive.core.dbops.SignalOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code luvhive db cancel PID}: stops a session's running statement; the session stays. */
@Command(name = "cancel", mixinStandardHelpOptions = true,
        description = {"Cancel the statement a session runs (pg_cancel_backend): it ends with an error, the session "
                + "and its connection stay. Find the pid with 'luvhive db queries'.",
                "Refuses this command's own session; sessions of another database, superusers', replication and "
                        + "background ones unless --force."})
public final class DbCancelCommand implements Callable<Integer>, DocumentsExitCodes {

    private final CliContext context;

    @Mixin
    JsonOption json;

    @Mixin
    SessionTargetOptions target;

    DbCancelCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public List<ExitCode> exitCodes() {
        return SessionSignalCommand.EXIT_CODES;
    }

    @Override
    public Integer call() {
        SignalOutcome outcome = SessionSignalCommand.signals(context).cancel(target.pid, target.force);
        if (json.enabled()) {
            context.out().println(context.json().render(SessionSignalCommand.json("cancel", outcome)));
        } else {
            context.out().printf("Cancelled the statement of %s, running for %s%s%n", outcome.target().describe(),
                    outcome.target().running().map(DbText::duration).orElse("?"),
                    SessionSignalCommand.statement(outcome));
            context.out().println(outcome.ended() ? "It has stopped; the session stays connected."
                    : "It is still running after " + DbText.duration(SessionSignals.WAIT)
                    + " (it stops at its next interrupt check); 'luvhive db terminate " + target.pid + "' ends the session.");
        }
        return ExitCode.OK.code();
    }
}
