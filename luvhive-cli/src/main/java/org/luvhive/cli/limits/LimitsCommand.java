package org.luvhive.cli.limits;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.luvhive.cli.support.CliContext;
import org.luvhive.cli.support.ExitCode;
import org.luvhive.cli.support.JsonOption;
import org.luvhive.core.limits.LimitsSettings;
import org.luvhive.core.limits.RateLimits;
import org.luvhive.core.settings.OpsSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code luvhive limits}: the stored limits and what running bots derive from them. */
@Command(name = "limits", mixinStandardHelpOptions = true,
        description = "Show the stored rate limits and the effective limits running bots apply.")
public final class LimitsCommand implements Callable<Integer> {

    private final CliContext context;

    @Mixin
    JsonOption json;

    LimitsCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        LimitsSettings settings = new LimitsSettings(new OpsSettings(context.migratedDatabase().jdbi(), context.clock()),
                new ObjectMapper());
        Optional<LimitsSettings.StoredLimits> stored = settings.stored();
        RateLimits current = stored.map(LimitsSettings.StoredLimits::limits).orElseGet(RateLimits::defaults);
        if (json.enabled()) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("stored", stored.map(value -> {
                Map<String, Object> row = new LinkedHashMap<>(LimitsView.stored(value.limits()));
                row.put("updated_at", value.setting().updatedAt().toString());
                row.put("updated_by", value.setting().updatedBy());
                row.put("problem", value.problem().orElse(null));
                return row;
            }).orElse(null));
            document.put("applied", LimitsView.stored(current));
            document.put("effective", LimitsView.effective(current));
            context.out().println(context.json().render(document));
            return ExitCode.OK.code();
        }
        var out = context.out();
        out.printf("Stored:    %s%n", stored.map(value -> value.limits().describe() + ", set by "
                + value.setting().updatedBy() + " at " + value.setting().updatedAt()).orElse("nothing (the normal profile applies)"));
        stored.flatMap(LimitsSettings.StoredLimits::problem).ifPresent(problem ->
                out.printf("Problem:   the stored value is unreadable (%s); bots apply the defaults%n", problem));
        out.printf("Applied:   %s%n", current.describe());
        out.println("Effective:");
        LimitsView.effective(current).forEach((name, limit) ->
                out.printf("  %-24s %s/s, burst %s%n", name, limit.get("per_second"), limit.get("burst")));
        return ExitCode.OK.code();
    }
}
