package org.luvhive.cli.db;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.luvhive.cli.support.CliContext;
import org.luvhive.cli.support.DurationConverter;
import org.luvhive.cli.support.ExitCode;
import org.luvhive.cli.support.JsonOption;
import org.luvhive.cli.support.SizeConverter;
import org.luvhive.core.db.Database;
import org.luvhive.core.db.EmbeddedPostgresServer;
import org.luvhive.core.dbops.GrowthReport;
import org.luvhive.core.dbops.SizeHistory;
import org.luvhive.core.dbops.SizeReport;
import org.luvhive.core.dbops.SizeSample;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code luvhive db growth [--since 30d] [--budget SIZE]}: how fast the database grows and when it fills. */
@Command(name = "growth", mixinStandardHelpOptions = true,
        description = {"Show the database's daily sizes (sampled once a day by the running bot), its growth per day "
                + "since the first sample of the window, the tables that grew most, and when the disk (embedded "
                + "server) or --budget fills at that rate."})
public final class DbGrowthCommand implements Callable<Integer> {

    private final CliContext context;

    @Mixin
    JsonOption json;

    @Spec
    CommandSpec spec;

    @Option(names = "--since", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How far back to look, e.g. 30d, 12w (default 30d).")
    Duration since = Duration.ofDays(30);

    @Option(names = "--budget", paramLabel = "SIZE", converter = SizeConverter.class,
            description = "A size the database must stay under, e.g. 10G: says when it is reached.")
    Long budget;

    DbGrowthCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (since.compareTo(Duration.ofDays(1)) < 0) {
            throw new ParameterException(spec.commandLine(), "--since must be at least 1d: samples are daily");
        }
        Database database = context.migratedDatabase();
        SizeReport current = SizeReport.read(database.jdbi());
        List<GrowthReport.Limit> limits = new ArrayList<>();
        database.embeddedServer().map(EmbeddedPostgresServer::dataDirectory)
                .ifPresent(directory -> limits.add(GrowthReport.Limit.diskOf(directory)));
        if (budget != null) {
            limits.add(GrowthReport.Limit.budget(budget, current.databaseBytes()));
        }
        GrowthReport report = GrowthReport.of(new SizeHistory(database.jdbi()), current, context.clock().instant(),
                since, limits);
        if (json.enabled()) {
            context.out().println(context.json().render(GrowthView.json(report, budget)));
        } else {
            print(report, context.out());
        }
        return ExitCode.OK.code();
    }

    private void print(GrowthReport report, PrintWriter out) {
        out.printf("Database now: %s; %d daily sample(s) in the last %s%n", DbText.bytes(report.currentBytes()),
                report.samples().size(), DbText.duration(report.window()));
        for (SizeSample sample : report.samples()) {
            out.printf("  %s  %s%n", sample.day(), DbText.bytes(sample.bytes()));
        }
        if (report.growth().isEmpty()) {
            out.println("Growth: not known yet: it needs a sample from an earlier day (a running bot takes one a day;"
                    + " the first is taken when it starts)");
        }
        report.growth().ifPresent(growth -> out.printf(Locale.ROOT, "Growth: %s%s per day (%s%s over %.1f days since %s)%n",
                growth.bytesPerDay() >= 0 ? "+" : "-", DbText.bytes(Math.round(Math.abs(growth.bytesPerDay()))),
                growth.bytes() >= 0 ? "+" : "-", DbText.bytes(Math.abs(growth.bytes())), growth.days(),
                growth.from().day()));
        if (!report.tables().isEmpty()) {
            out.println("Tables that grew most");
            report.tables().forEach(table -> out.printf("  %-28s %s%s per day%n", table.table(),
                    table.bytes() >= 0 ? "+" : "-", DbText.bytes(Math.round(Math.abs(table.bytesPerDay())))));
        }
        for (GrowthReport.Projection projection : report.projections()) {
            GrowthReport.Limit limit = projection.limit();
            String what = limit.name().equals("disk")
                    ? "Disk: " + DbText.bytes(limit.remainingBytes()) + " " + limit.description()
                    : "Budget " + DbText.bytes(budget) + ": " + DbText.bytes(Math.max(0, limit.remainingBytes())) + " left";
            out.println(what + ": " + GrowthView.when(projection));
        }
    }
}
