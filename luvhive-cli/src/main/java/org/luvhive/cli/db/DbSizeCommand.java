package org.luvhive.cli.db;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.luvhive.cli.support.CliContext;
import org.luvhive.cli.support.ExitCode;
import org.luvhive.cli.support.JsonOption;
import org.luvhive.core.dbops.SizeReport;
import org.luvhive.core.dbops.TableSize;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code luvhive db size}: the database and each table, the biggest first. */
@Command(name = "size", mixinStandardHelpOptions = true,
        description = {"Show the database's size and each table's: heap, indexes, TOAST, live and dead rows, last "
                + "(auto)vacuum and (auto)analyze, the biggest first.",
                "'luvhive db growth' shows how fast it grows."})
public final class DbSizeCommand implements Callable<Integer> {

    private final CliContext context;

    @Mixin
    JsonOption json;

    @Spec
    CommandSpec spec;

    @Option(names = "--top", paramLabel = "N", description = "Only the N biggest tables (default: all).")
    Integer top;

    DbSizeCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (top != null && top < 1) {
            throw new ParameterException(spec.commandLine(),
                    "--top must be at least 1, not " + top);
        }
        SizeReport report = SizeReport.read(context.database().jdbi());
        List<TableSize> tables = top == null ? report.tables() : report.tables().subList(0,
                Math.min(top, report.tables().size()));
        if (json.enabled()) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("at", report.at().toString());
            document.put("database", report.database());
            document.put("database_bytes", report.databaseBytes());
            document.put("tables", tables.stream().map(DbSizeCommand::json).toList());
            context.out().println(context.json().render(document));
        } else {
            print(report, tables, context.out());
        }
        return ExitCode.OK.code();
    }

    private static void print(SizeReport report, List<TableSize> tables, PrintWriter out) {
        out.printf("Database %s: %s on disk%n", report.database(), DbText.bytes(report.databaseBytes()));
        out.printf("%-28s %10s %10s %10s %10s %11s %10s  %-20s %s%n", "TABLE", "TOTAL", "HEAP", "INDEXES", "TOAST",
                "LIVE ROWS", "DEAD ROWS", "LAST VACUUM", "LAST ANALYZE");
        for (TableSize table : tables) {
            out.printf("%-28s %10s %10s %10s %10s %11d %10d  %-20s %s%n", table.table(), DbText.bytes(table.totalBytes()),
                    DbText.bytes(table.heapBytes()), DbText.bytes(table.indexBytes()), DbText.bytes(table.toastBytes()),
                    table.liveRows(), table.deadRows(), DbText.time(table.lastVacuum()),
                    DbText.time(table.lastAnalyze()));
        }
    }

    private static Map<String, Object> json(TableSize table) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("table", table.table());
        row.put("total_bytes", table.totalBytes());
        row.put("heap_bytes", table.heapBytes());
        row.put("index_bytes", table.indexBytes());
        row.put("toast_bytes", table.toastBytes());
        row.put("live_rows", table.liveRows());
        row.put("dead_rows", table.deadRows());
        row.put("last_vacuum", table.lastVacuum().map(Object::toString).orElse(null));
        row.put("last_analyze", table.lastAnalyze().map(Object::toString).orElse(null));
        return row;
    }
}
