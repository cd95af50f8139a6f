package org.luvhive.cli.violations;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.luvhive.cli.support.CliContext;
import org.luvhive.cli.support.DurationConverter;
import org.luvhive.cli.support.ExitCode;
import org.luvhive.cli.support.JsonOption;
import org.luvhive.core.delivery.FloodWaitEvent;
import org.luvhive.core.delivery.ViolationsLogReader;
import org.luvhive.core.moderation.ViolationsReport;
import org.luvhive.core.moderation.ViolationsReport.Count;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code luvhive violations report}: rule hits per rule, kind or day against the period
 * before, decisions, top offenders (ids only) and FloodWaits; a daily bar chart on a terminal.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Rule hits per rule, kind or day with the trend against the period before, decisions by",
                "action, the top offenders (user ids only), and the FloodWaits of the same period from the",
                "violations log; on a terminal, a daily bar chart."})
public final class ViolationsReportCommand implements Callable<Integer> {

    private static final int CHART_WIDTH = 40;
    private static final int LISTED_FLOODWAITS = 20;

    /** When to draw the daily chart. */
    enum Chart { AUTO, ALWAYS, NEVER }

    private final CliContext context;

    @Option(names = "--since", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "7d",
            description = "The period, back from now (default 7d); compared with the one before it.")
    Duration since;

    @Option(names = "--by", paramLabel = "rule|kind|day", defaultValue = "rule",
            description = "Group the rule hits by rule (default), kind or day.")
    String by;

    @Option(names = "--chart", paramLabel = "auto|always|never", defaultValue = "auto",
            description = "Draw the daily bar chart: auto (when stdout is a terminal), always, never.")
    String chart;

    @Mixin
    JsonOption json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    ViolationsReportCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        ViolationsReport.Grouping grouping = choice(ViolationsReport.Grouping.class, by, "--by");
        Chart drawChart = choice(Chart.class, chart, "--chart");
        if (since.isZero()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--since must be longer than zero");
        }
        ViolationsReport report = ViolationsReport.build(context.migratedDatabase().jdbi(),
                new ViolationsLogReader(context.config().logDir(), new ObjectMapper()), context.clock().instant(),
                since, grouping);
        if (json.enabled()) {
            context.out().println(context.json().render(document(report)));
            return ExitCode.OK.code();
        }
        print(report, drawChart == Chart.ALWAYS || drawChart == Chart.AUTO && System.console() != null);
        return ExitCode.OK.code();
    }

    private void print(ViolationsReport report, boolean chart) {
        PrintWriter out = context.out();
        out.printf("Violations from %s to %s, against the %s before%n", report.from(), report.to(), span(since));
        out.printf("Rule hits: %d%n%n", report.totalHits());
        table(out, "By " + report.by().code(), report.counts());
        table(out, "Decisions", report.actions());
        out.println("Top offenders (user id: rule hits, strikes)");
        if (report.offenders().isEmpty()) {
            out.println("  none");
        }
        report.offenders().forEach(offender -> out.printf("  %-14d %5d %5d%n", offender.userId(), offender.hits(),
                offender.strikes()));
        out.println();
        List<FloodWaitEvent> waits = report.floodWaits();
        out.printf("FloodWaits: %d (before: %d)%s%n", waits.size(), report.previousFloodWaits(), waits.isEmpty() ? ""
                : "; " + report.floodWaitsByScope().entrySet().stream().map(entry -> entry.getValue() + " "
                + entry.getKey()).collect(Collectors.joining(", ")) + "; longest retry_after "
                + waits.stream().mapToLong(FloodWaitEvent::retryAfter).max().orElse(0) + " s");
        waits.stream().skip(Math.max(0, waits.size() - LISTED_FLOODWAITS)).forEach(event -> out.printf(
                "  %s  chat %d  %s  retry_after %d s (%s)%n", event.time(), event.chatId(), event.method(),
                event.retryAfter(), event.scope()));
        if (chart) {
            out.println();
            out.println("Daily rule hits (FloodWaits)");
            long max = report.days().stream().mapToLong(ViolationsReport.Day::hits).max().orElse(0);
            report.days().forEach(day -> out.printf("  %s %-" + (CHART_WIDTH + 1) + "s %5d (%d)%n", day.day(),
                    BarChart.bar(day.hits(), max, CHART_WIDTH), day.hits(), day.floodWaits()));
        }
    }

    private static void table(PrintWriter out, String title, List<Count> counts) {
        out.printf("%-28s %8s %8s %8s%n", title, "now", "before", "change");
        if (counts.isEmpty()) {
            out.println("  none");
        }
        counts.forEach(count -> out.printf("  %-26s %8d %8d %8s%n", count.key(), count.current(), count.previous(),
                change(count)));
        out.println();
    }

    private static String change(Count count) {
        Double percent = count.changePercent();
        return percent == null ? (count.current() == 0 ? "-" : "new") : String.format(Locale.ROOT, "%+.0f%%", percent);
    }

    private static String span(Duration duration) {
        return duration.toHours() % 24 == 0 ? duration.toDays() + "d" : duration.toHours() + "h";
    }

    private Map<String, Object> document(ViolationsReport report) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("from", report.from().toString());
        document.put("to", report.to().toString());
        document.put("period_seconds", since.toSeconds());
        document.put("by", report.by().code());
        document.put("rule_hits", report.totalHits());
        document.put("counts", report.counts().stream().map(ViolationsReportCommand::count).toList());
        document.put("decisions", report.actions().stream().map(ViolationsReportCommand::count).toList());
        document.put("days", report.days().stream().map(day -> Map.of("day", day.day().toString(), "rule_hits",
                day.hits(), "floodwaits", day.floodWaits())).toList());
        document.put("top_offenders", report.offenders().stream().map(offender -> Map.of("user_id", offender.userId(),
                "rule_hits", offender.hits(), "strikes", offender.strikes())).toList());
        Map<String, Object> waits = new LinkedHashMap<>();
        waits.put("count", report.floodWaits().size());
        waits.put("previous", report.previousFloodWaits());
        waits.put("by_scope", report.floodWaitsByScope());
        waits.put("events", report.floodWaits().stream().map(event -> Map.of("time", event.time().toString(),
                "chat", event.chatId(), "method", event.method(), "retry_after", event.retryAfter(),
                "scope", event.scope())).toList());
        document.put("floodwaits", waits);
        return document;
    }

    private static Map<String, Object> count(Count count) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("key", count.key());
        row.put("now", count.current());
        row.put("before", count.previous());
        row.put("change_percent", count.changePercent());
        return row;
    }

    private <E extends Enum<E>> E choice(Class<E> type, String value, String option) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new CommandLine.ParameterException(spec.commandLine(), "unknown " + option + " value '" + value + "'");
        }
    }
}
