package org.luvhive.cli.limits;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.concurrent.Callable;
import org.luvhive.cli.support.CliContext;
import org.luvhive.cli.support.ExitCode;
import org.luvhive.cli.support.Operator;
import org.luvhive.core.limits.LimitsProfile;
import org.luvhive.core.limits.LimitsSettings;
import org.luvhive.core.limits.RateLimits;
import org.luvhive.core.settings.OpsSettings;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code luvhive set-limits}: switches the send and per-user limits of every running bot,
 * within a second, without a restart.
 */
@Command(name = "set-limits", mixinStandardHelpOptions = true,
        description = {"Change the rate limits of every running bot (applied within a second, no restart).",
                "Profiles: normal (1.5/s per user, 15/s global), high (1/10), crisis (0.5/5).",
                "Custom values not given keep their current value."})
public final class SetLimitsCommand implements Callable<Integer> {

    private final CliContext context;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Choice choice;

    static final class Choice {
        @Option(names = "--profile", paramLabel = "normal|high|crisis", description = "A runbook profile.")
        String profile;

        @ArgGroup(exclusive = false)
        Custom custom;
    }

    static final class Custom {
        @Option(names = "--per-user", paramLabel = "R", description = "Messages per second one user may send.")
        Double perUser;

        @Option(names = "--per-user-burst", paramLabel = "B", description = "Messages a user may send at once.")
        Integer perUserBurst;

        @Option(names = "--global", paramLabel = "R", description = "Messages per second the bot sends in all.")
        Double global;

        @Option(names = "--global-burst", paramLabel = "B", description = "Messages the bot may send at once.")
        Integer globalBurst;

        @Option(names = "--group-per-minute", paramLabel = "N", description = "Messages per minute into one group.")
        Integer groupPerMinute;
    }

    @Option(names = "--force", description = "Allow a global rate above Telegram's 30/s (paid broadcasts only).")
    boolean force;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    SetLimitsCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        LimitsSettings settings = new LimitsSettings(new OpsSettings(context.migratedDatabase().jdbi(), context.clock()),
                new ObjectMapper());
        RateLimits limits = choice.profile != null ? profile(choice.profile) : custom(settings.current());
        settings.store(limits, Operator.name(context.environment()));
        context.out().printf("Limits set to %s; running bots apply them within a second.%n", limits.describe());
        return ExitCode.OK.code();
    }

    private RateLimits profile(String name) {
        try {
            return LimitsProfile.parse(name).limits();
        } catch (IllegalArgumentException unknown) {
            throw new CommandLine.ParameterException(spec.commandLine(), unknown.getMessage());
        }
    }

    private RateLimits custom(RateLimits current) {
        Custom custom = choice.custom;
        if (custom.perUser == null && custom.global == null && custom.perUserBurst == null && custom.globalBurst == null
                && custom.groupPerMinute == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give --profile or at least one custom value");
        }
        double perUser = custom.perUser != null ? custom.perUser : current.perUser();
        int perUserBurst = custom.perUserBurst != null ? custom.perUserBurst : current.perUserBurst();
        double global = custom.global != null ? custom.global : current.global();
        int globalBurst = custom.globalBurst != null ? custom.globalBurst : current.globalBurst();
        int groupPerMinute = custom.groupPerMinute != null ? custom.groupPerMinute : current.groupPerMinute();
        List<String> problems = RateLimits.problems(perUser, perUserBurst, global, globalBurst, groupPerMinute, force);
        if (!problems.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "refused: " + String.join("; ", problems));
        }
        return new RateLimits("custom", perUser, perUserBurst, global, globalBurst, groupPerMinute, force);
    }
}
