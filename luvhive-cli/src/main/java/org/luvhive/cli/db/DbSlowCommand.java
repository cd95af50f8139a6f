package org.luvhive.cli.db;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.luvhive.cli.support.CliContext;
import org.luvhive.cli.support.ExitCode;
import org.luvhive.cli.support.JsonOption;
import org.luvhive.core.dbops.SlowReport;
import org.luvhive.core.dbops.SlowStatement;
import org.luvhive.core.dbops.SlowStatements;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code luvhive db slow [--top 10]}: the statements that cost the most time. */
@Command(name = "slow", mixinStandardHelpOptions = true,
        description = {"Show the statements that cost the most time in total: calls, mean, max and total time, rows.",
                "From pg_stat_statements when the server has it; otherwise says how to enable it and shows the "
                        + "running bots' own timings per statement instead."})
public final class DbSlowCommand implements Callable<Integer> {

    private final CliContext context;

    @Mixin
    JsonOption json;

    @Spec
    CommandSpec spec;

    @Option(names = "--top", paramLabel = "N", description = "How many statements (default ${DEFAULT-VALUE}).")
    int top = 10;

    DbSlowCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (top < 1 || top > 1000) {
            throw new ParameterException(spec.commandLine(), "--top must be 1 to 1000, not " + top);
        }
        SlowReport report = new SlowStatements(context.migratedDatabase().jdbi()).top(top, context.clock().instant());
        if (json.enabled()) {
            context.out().println(context.json().render(json(report)));
        } else {
            print(report, context.out());
        }
        return ExitCode.OK.code();
    }

    private static void print(SlowReport report, PrintWriter out) {
        report.missing().ifPresent(why -> out.println("No pg_stat_statements: " + why + "."));
        out.printf("The %d costliest statements, from %s%s%n", report.statements().size(), report.source().label(),
                report.source() == SlowReport.Source.PG_STAT_STATEMENTS
                        ? report.since().map(since -> " (since " + DbText.time(since) + ")").orElse("")
                        : " (each running bot since it started)");
        if (report.statements().isEmpty()) {
            out.println("  none recorded yet" + (report.source() == SlowReport.Source.BOT_TIMINGS
                    ? " (bots store their timings every 30 s)" : ""));
            return;
        }
        out.printf("%12s %10s %10s %10s %10s  %s%n", "TOTAL", "CALLS", "MEAN", "MAX", "ROWS", "STATEMENT");
        for (SlowStatement statement : report.statements()) {
            out.printf("%12s %10d %10s %10s %10s  %s%n", DbText.millis(statement.totalMillis()), statement.calls(),
                    DbText.millis(statement.meanMillis()), DbText.millis(statement.maxMillis()),
                    statement.rows() < 0 ? "-" : Long.toString(statement.rows()), DbText.oneLine(statement.query(), 120));
        }
    }

    private static Map<String, Object> json(SlowReport report) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("source", report.source().name().toLowerCase(Locale.ROOT));
        document.put("since", report.since().map(Object::toString).orElse(null));
        document.put("pg_stat_statements_missing", report.missing().orElse(null));
        document.put("statements", report.statements().stream().map(statement -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("query", statement.query());
            row.put("calls", statement.calls());
            row.put("total_ms", statement.totalMillis());
            row.put("mean_ms", statement.meanMillis());
            row.put("max_ms", statement.maxMillis());
            row.put("rows", statement.rows() < 0 ? null : statement.rows());
            return row;
        }).toList());
        return document;
    }
}
