package org.luvhive.cli.db;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.luvhive.cli.support.CliContext;
import org.luvhive.cli.support.ExitCode;
import org.luvhive.cli.support.JsonOption;
import org.luvhive.core.dbops.IndexReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code luvhive db indexes}: tables read by big sequential scans, unused indexes, invalid indexes. */
@Command(name = "indexes", mixinStandardHelpOptions = true,
        description = {"Show tables read by many sequential scans over many rows (an index may be missing, or a "
                + "query scans more than it needs), indexes never used that enforce nothing (each write pays for "
                + "them), and invalid indexes (left by a failed CREATE INDEX CONCURRENTLY).",
                "The figures are the server's statistics since they were last reset."})
public final class DbIndexesCommand implements Callable<Integer> {

    private final CliContext context;

    @Mixin
    JsonOption json;

    @Spec
    CommandSpec spec;

    @Option(names = "--min-rows", paramLabel = "N",
            description = "A table counts when its sequential scans read at least N rows each (default ${DEFAULT-VALUE}).")
    long minRows = 10_000;

    @Option(names = "--min-scans", paramLabel = "N",
            description = "... and it had at least N of them (default ${DEFAULT-VALUE}).")
    long minScans = 50;

    DbIndexesCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (minRows < 0 || minScans < 0) {
            throw new ParameterException(spec.commandLine(),
                    "--min-rows and --min-scans cannot be negative");
        }
        IndexReport report = IndexReport.read(context.database().jdbi(), minRows, minScans);
        if (json.enabled()) {
            context.out().println(context.json().render(json(report)));
        } else {
            print(report, context.out());
        }
        return ExitCode.OK.code();
    }

    private void print(IndexReport report, PrintWriter out) {
        out.printf("Statistics since %s%n", report.statsSince().map(DbText::time).orElse("the server's start"));
        out.printf("Tables read by sequential scans of %d+ rows, %d+ times%n", minRows, minScans);
        if (report.seqScanned().isEmpty()) {
            out.println("  none");
        }
        report.seqScanned().forEach(table -> out.printf("  %-28s %d seq scans of %d rows each on average, %d index "
                + "scans, %d live rows%n", table.table(), table.seqScans(), table.rowsPerScan(), table.indexScans(),
                table.liveRows()));
        out.println("Unused indexes (never scanned; not unique, not a primary key, no constraint)");
        if (report.unused().isEmpty()) {
            out.println("  none");
        }
        report.unused().forEach(index -> out.printf("  %-40s on %-24s %s%n", index.index(), index.table(),
                DbText.bytes(index.bytes())));
        out.println("Invalid indexes (drop and create again)");
        if (report.invalid().isEmpty()) {
            out.println("  none");
        }
        report.invalid().forEach(index -> out.printf("  %-40s on %-24s %s%n", index.index(), index.table(),
                DbText.bytes(index.bytes())));
    }

    private Map<String, Object> json(IndexReport report) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("stats_since", report.statsSince().map(Object::toString).orElse(null));
        document.put("min_rows", minRows);
        document.put("min_scans", minScans);
        document.put("seq_scanned_tables", report.seqScanned().stream().map(table -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("table", table.table());
            row.put("seq_scans", table.seqScans());
            row.put("rows_per_scan", table.rowsPerScan());
            row.put("index_scans", table.indexScans());
            row.put("live_rows", table.liveRows());
            return row;
        }).toList());
        document.put("unused_indexes", report.unused().stream().map(index -> Map.of("index", index.index(),
                "table", index.table(), "bytes", index.bytes())).toList());
        document.put("invalid_indexes", report.invalid().stream().map(index -> Map.of("index", index.index(),
                "table", index.table(), "bytes", index.bytes())).toList());
        return document;
    }
}
