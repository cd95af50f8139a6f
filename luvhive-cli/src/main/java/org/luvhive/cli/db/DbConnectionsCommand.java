package org.luvhive.cli.db;

import java.util.List;
import java.util.concurrent.Callable;
import org.luvhive.cli.support.CliContext;
import org.luvhive.cli.support.DocumentsExitCodes;
import org.luvhive.cli.support.ExitCode;
import org.luvhive.cli.support.JsonOption;
import org.luvhive.core.dbops.ConnectionsReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code luvhive db connections}: the server's slots, its sessions by application, state
 * and client, idle transactions, and every running bot's pool as it reports it, with
 * exhaustion said plainly. Exit 33 when someone is starved of connections.
 */
@Command(name = "connections", mixinStandardHelpOptions = true,
        description = {"Show the server's connection slots, its sessions by database, application, state and client, "
                + "sessions idle in a transaction, and each running bot's pool (active, idle, waiting, maximum).",
                "Says plainly when a pool is exhausted or the server is full (exit 33)."})
public final class DbConnectionsCommand implements Callable<Integer>, DocumentsExitCodes {

    private final CliContext context;

    @Mixin
    JsonOption json;

    DbConnectionsCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public List<ExitCode> exitCodes() {
        return List.of(ExitCode.OK, ExitCode.DATABASE_UNAVAILABLE, ExitCode.SCHEMA_OUTDATED,
                ExitCode.CONNECTIONS_EXHAUSTED);
    }

    @Override
    public Integer call() {
        ConnectionsReport report = ConnectionsReport.read(context.migratedDatabase().jdbi(), context.clock().instant());
        ExitCode outcome = report.exhausted() ? ExitCode.CONNECTIONS_EXHAUSTED : ExitCode.OK;
        if (json.enabled()) {
            context.out().println(context.json().render(ConnectionsView.json(report, outcome)));
        } else {
            ConnectionsView.print(report, context.clock().instant(), outcome, context.out());
        }
        return outcome.code();
    }
}
