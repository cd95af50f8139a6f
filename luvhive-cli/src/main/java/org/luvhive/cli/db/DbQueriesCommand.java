package org.luvhive.cli.db;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.luvhive.cli.support.CliContext;
import org.luvhive.cli.support.DurationConverter;
import org.luvhive.cli.support.ExitCode;
import org.luvhive.cli.support.JsonOption;
import org.luvhive.core.dbops.RunningQueries;
import org.luvhive.core.dbops.RunningQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code luvhive db queries [--longer-than 5s]}: the statements running on the server now, the oldest first. */
@Command(name = "queries", mixinStandardHelpOptions = true,
        description = {"Show the statements running now (and sessions idle in a transaction): pid, how long, state, "
                + "what they wait for, who blocks them, application and the statement as the server shows it.",
                "Stop one with 'luvhive db cancel PID' (the session stays) or 'luvhive db terminate PID'."})
public final class DbQueriesCommand implements Callable<Integer> {

    private static final int QUERY_WIDTH = 100;

    private final CliContext context;

    @Mixin
    JsonOption json;

    @Option(names = "--longer-than", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Only statements (or open transactions) at least this old, e.g. 5s, 2m (default: all).")
    Duration longerThan = Duration.ZERO;

    DbQueriesCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        List<RunningQuery> queries = new RunningQueries(context.database().jdbi()).longerThan(longerThan);
        if (json.enabled()) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("longer_than_s", longerThan.toSeconds());
            document.put("queries", queries.stream().map(DbQueriesCommand::json).toList());
            context.out().println(context.json().render(document));
        } else {
            print(queries, context.out());
        }
        return ExitCode.OK.code();
    }

    private void print(List<RunningQuery> queries, PrintWriter out) {
        if (queries.isEmpty()) {
            out.println(longerThan.isZero() ? "No statement is running (besides this one)."
                    : "No statement or transaction is " + DbText.duration(longerThan) + " old or older.");
            return;
        }
        out.printf("%-7s %-8s %-8s %-21s %-22s %-24s %-10s %s%n", "PID", "RUNNING", "XACT", "STATE", "WAITING FOR",
                "APPLICATION", "DATABASE", "QUERY");
        for (RunningQuery query : queries) {
            String waiting = query.waitEvent().map(event -> query.waitEventType().orElse("") + ":" + event).orElse("-")
                    + (query.blockedBy().isEmpty() ? "" : " (blocked by " + query.blockedBy() + ")");
            out.printf("%-7d %-8s %-8s %-21s %-22s %-24s %-10s %s%n", query.pid(),
                    query.running().map(DbText::duration).orElse("-"),
                    query.transaction().map(DbText::duration).orElse("-"), query.state(), waiting,
                    DbText.orDash(query.application()), DbText.orDash(query.database()),
                    DbText.oneLine(query.query(), QUERY_WIDTH));
        }
        out.printf("%d session(s)%s%n", queries.size(),
                longerThan.isZero() ? "" : " with a statement or transaction " + DbText.duration(longerThan) + " old or older");
    }

    private static Map<String, Object> json(RunningQuery query) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("pid", query.pid());
        row.put("database", query.database());
        row.put("user", query.user());
        row.put("application", query.application());
        row.put("client", query.client());
        row.put("state", query.state());
        row.put("wait_event_type", query.waitEventType().orElse(null));
        row.put("wait_event", query.waitEvent().orElse(null));
        row.put("running_s", query.running().map(running -> running.toMillis() / 1000.0).orElse(null));
        row.put("transaction_s", query.transaction().map(open -> open.toMillis() / 1000.0).orElse(null));
        row.put("blocked_by", query.blockedBy());
        row.put("query", query.query());
        return row;
    }
}
