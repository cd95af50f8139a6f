package org.luvhive.cli.status;

import java.util.concurrent.Callable;
import org.luvhive.cli.support.CliContext;
import org.luvhive.cli.support.ExitCode;
import org.luvhive.cli.support.JsonOption;
import org.luvhive.core.ops.alerts.StatusReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code luvhive status}: the runbook alerts as each running bot evaluates them (figure,
 * threshold, OK or FIRING since when; stale instances marked) and the queues read from
 * the database. Exit 0 when all is OK, 20 when an alert fires, 21 when no bot reported.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Show the runbook alerts of every running bot (figure against threshold, OK or FIRING since "
                + "when) and the queues as the database holds them.",
                "Exit 0 all OK, 20 an alert is firing, 21 no bot instance reported in the last minute."})
public final class StatusCommand implements Callable<Integer> {

    private final CliContext context;

    @Mixin
    JsonOption json;

    StatusCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        StatusReport report = StatusReport.read(context.migratedDatabase().jdbi(), context.clock());
        ExitCode outcome = outcome(report);
        if (json.enabled()) {
            context.out().println(context.json().render(StatusView.json(report, outcome)));
        } else {
            StatusView.print(report, outcome, context.out());
        }
        return outcome.code();
    }

    static ExitCode outcome(StatusReport report) {
        if (report.anyFiring()) {
            return ExitCode.ALERTS_FIRING;
        }
        return report.anyRunning() ? ExitCode.OK : ExitCode.NO_BOT_REPORTING;
    }
}
