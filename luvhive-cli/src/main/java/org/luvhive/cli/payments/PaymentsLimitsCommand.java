package org.luvhive.cli.payments;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.luvhive.cli.support.CliContext;
import org.luvhive.cli.support.ExitCode;
import org.luvhive.cli.support.JsonOption;
import org.luvhive.cli.support.Operator;
import org.luvhive.core.premium.FraudLimits;
import org.luvhive.core.premium.FraudLimitsSettings;
import org.luvhive.core.settings.OpsSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code luvhive payments limits [--per-hour N] [--per-5-minutes N] [--refused-per-hour N]}:
 * shows the fraud limits, or changes them on every running bot within a second.
 */
@Command(name = "limits", mixinStandardHelpOptions = true,
        description = {"Show the payment fraud limits pre-checkout enforces per user, or change them (every",
                "running bot applies a change within a second). Values not given keep their current value."})
public final class PaymentsLimitsCommand implements Callable<Integer> {

    private final CliContext context;

    @Option(names = "--per-hour", paramLabel = "N", description = "Payments a user may make in an hour (default 5).")
    Integer perHour;

    @Option(names = "--per-5-minutes", paramLabel = "N",
            description = "Payments a user may make in 5 minutes (default 3).")
    Integer perFiveMinutes;

    @Option(names = "--refused-per-hour", paramLabel = "N",
            description = "Refused pre-checkouts after which a user waits out the hour (default 3).")
    Integer refusedPerHour;

    @Mixin
    JsonOption json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    PaymentsLimitsCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        FraudLimitsSettings settings = new FraudLimitsSettings(
                new OpsSettings(context.migratedDatabase().jdbi(), context.clock()), new ObjectMapper());
        FraudLimits limits = settings.read();
        boolean change = perHour != null || perFiveMinutes != null || refusedPerHour != null;
        if (change) {
            int hour = perHour != null ? perHour : limits.perHour();
            int fiveMinutes = perFiveMinutes != null ? perFiveMinutes : limits.perFiveMinutes();
            int refused = refusedPerHour != null ? refusedPerHour : limits.refusedPerHour();
            List<String> problems = FraudLimits.problems(hour, fiveMinutes, refused);
            if (!problems.isEmpty()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "refused: " + String.join("; ", problems));
            }
            limits = new FraudLimits(hour, fiveMinutes, refused);
            settings.store(limits, Operator.name(context.environment()));
        }
        if (json.enabled()) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("per_hour", limits.perHour());
            document.put("per_5_minutes", limits.perFiveMinutes());
            document.put("refused_per_hour", limits.refusedPerHour());
            document.put("stored", settings.stored().isPresent());
            context.out().println(context.json().render(document));
        } else {
            context.out().printf(change ? "Fraud limits set to %s; running bots apply them within a second.%n"
                    : "Fraud limits: %s.%n", limits.describe());
        }
        return ExitCode.OK.code();
    }
}
