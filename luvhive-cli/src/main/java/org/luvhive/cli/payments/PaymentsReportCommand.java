package org.luvhive.cli.payments;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.luvhive.cli.support.CliContext;
import org.luvhive.cli.support.DurationConverter;
import org.luvhive.cli.support.ExitCode;
import org.luvhive.cli.support.JsonOption;
import org.luvhive.core.premium.PaymentsReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code luvhive payments report}: revenue, refunds, users over the fraud limits, refusals, fraud signals,
 * and what paid searches promised (boosts refunded automatically, filter searches credited).
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Revenue in Stars, refunds and the refund rate, users over the fraud limits, refused",
                "pre-checkouts by reason, the fraud signals with the users behind them (ids only), and paid",
                "searches: boosts that found a partner in time or were refunded, filter searches credited."})
public final class PaymentsReportCommand implements Callable<Integer> {

    private final CliContext context;

    @Option(names = "--since", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "30d",
            description = "The period, back from now (default 30d).")
    Duration since;

    @Mixin
    JsonOption json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    PaymentsReportCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (since.isZero()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--since must be longer than zero");
        }
        PaymentsReport report = PaymentsReport.build(context.migratedDatabase().jdbi(), context.clock().instant(),
                since);
        if (json.enabled()) {
            context.out().println(context.json().render(document(report)));
            return ExitCode.OK.code();
        }
        PrintWriter out = context.out();
        out.printf("Payments from %s to %s%n", report.from(), report.to());
        out.printf("Revenue:            %d ⭐ from %d payment(s) by %d user(s); %d ⭐ kept after refunds%n",
                report.stars(), report.payments(), report.payers(), report.netStars());
        out.printf("Refunds:            %d (%d ⭐), refund rate %s%n", report.refunds(), report.refundedStars(),
                String.format(Locale.ROOT, "%.1f%%", report.refundRatePercent()));
        out.printf("Over fraud limits:  %d user(s)%s%n", report.usersOverLimits(), report.overLimits().isEmpty() ? ""
                : ": " + listed(report.overLimits()));
        PaymentsReport.Promises promises = report.promises();
        out.printf("Paid boosts:        %d: %d found a partner in time, %d refunded automatically (%d ⭐), "
                + "%d refund(s) asked, %d refused, %d still running%n", promises.paidBoosts(), promises.kept(),
                promises.refunded(), promises.refundedStars(), promises.refundsQueued(), promises.refundsFailed(),
                promises.open());
        out.printf("Filter searches:    %d credited, %d min of premium given back%n", promises.credited(),
                promises.creditedSeconds() / 60);
        out.printf("Refused checkouts:  %s%n", report.refusals().isEmpty() ? "none" : listed(report.refusals()));
        out.println("Suspicious patterns:");
        if (report.signals().isEmpty()) {
            out.println("  none");
        }
        report.signals().forEach((kind, count) -> out.printf("  %-20s %4d   users: %s%n", kind, count,
                listed(report.signalUsers().get(kind))));
        return ExitCode.OK.code();
    }

    private static String listed(Map<String, Long> counts) {
        return counts.entrySet().stream().map(entry -> entry.getKey() + " (" + entry.getValue() + ")")
                .collect(Collectors.joining(", "));
    }

    private Map<String, Object> document(PaymentsReport report) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("from", report.from().toString());
        document.put("to", report.to().toString());
        document.put("payments", report.payments());
        document.put("payers", report.payers());
        document.put("revenue_stars", report.stars());
        document.put("refunds", report.refunds());
        document.put("refunded_stars", report.refundedStars());
        document.put("net_stars", report.netStars());
        document.put("refund_rate_percent", Math.round(report.refundRatePercent() * 10) / 10.0);
        document.put("users_over_fraud_limits", report.usersOverLimits());
        document.put("over_fraud_limits", report.overLimits());
        document.put("refused_pre_checkouts_by_reason", report.refusals());
        document.put("signals", report.signals());
        document.put("signal_users", report.signalUsers());
        PaymentsReport.Promises promises = report.promises();
        Map<String, Object> searches = new LinkedHashMap<>();
        searches.put("paid_boosts", promises.paidBoosts());
        searches.put("kept", promises.kept());
        searches.put("refunded", promises.refunded());
        searches.put("refunded_stars", promises.refundedStars());
        searches.put("refunds_queued", promises.refundsQueued());
        searches.put("refunds_failed", promises.refundsFailed());
        searches.put("running", promises.open());
        searches.put("filter_searches_credited", promises.credited());
        searches.put("credited_seconds", promises.creditedSeconds());
        document.put("paid_searches", searches);
        return document;
    }
}
