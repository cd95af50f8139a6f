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

/** {@code luvhive db terminate PID}: ends a session; its transaction rolls back. */
@Command(name = "terminate", mixinStandardHelpOptions = true,
        description = {"End a session (pg_terminate_backend): its statement stops, its transaction rolls back, its "
                + "connection closes (a bot's pool opens another). Try 'luvhive db cancel PID' first.",
                "Refuses this command's own session; sessions of another database, superusers', replication and "
                        + "background ones unless --force."})
public final class DbTerminateCommand implements Callable<Integer>, DocumentsExitCodes {

    private final CliContext context;

    @Mixin
    JsonOption json;

    @Mixin
    SessionTargetOptions target;

    DbTerminateCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public List<ExitCode> exitCodes() {
        return SessionSignalCommand.EXIT_CODES;
    }

    @Override
    public Integer call() {
        SignalOutcome outcome = SessionSignalCommand.signals(context).terminate(target.pid, target.force);
        if (json.enabled()) {
            context.out().println(context.json().render(SessionSignalCommand.json("terminate", outcome)));
        } else {
            String state = outcome.target().state().orElse("?")
                    + outcome.target().running().map(running -> " for " + DbText.duration(running)).orElse("");
            context.out().printf("Terminated %s, %s%s%n", outcome.target().describe(), state,
                    SessionSignalCommand.statement(outcome));
            context.out().println(outcome.ended() ? "The session has ended; its transaction, if any, was rolled back."
                    : "It is still there after " + DbText.duration(SessionSignals.WAIT)
                    + "; the server ends it at its next interrupt check.");
        }
        return ExitCode.OK.code();
    }
}
