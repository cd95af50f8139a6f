package org.luvhive.cli.moderation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.luvhive.cli.support.CliContext;
import org.luvhive.cli.support.ExitCode;
import org.luvhive.cli.support.Operator;
import org.luvhive.core.moderation.ModerationSettings;
import org.luvhive.core.moderation.filter.ModerationPolicy;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code luvhive moderation policy [--set FILE | --reset]}: what each level decides, how
 * strikes escalate and decay, what reports bring, as JSON; changed live on every bot.
 */
@Command(name = "policy", mixinStandardHelpOptions = true,
        description = {"Print the moderation policy as JSON (per level: the decision of each severity, new accounts,",
                "media, search, duplicate and churn thresholds, the strike ladder; what reports bring), or",
                "replace it from a file ('-' reads stdin) or reset it to the defaults. Running bots apply a",
                "change within a second. Edit the printed JSON and --set it."})
public final class PolicyCommand implements Callable<Integer> {

    private final CliContext context;

    @ArgGroup(exclusive = true)
    Change change;

    static final class Change {
        @Option(names = "--set", paramLabel = "FILE", description = "Store the policy in FILE ('-': stdin).")
        String file;

        @Option(names = "--reset", description = "Go back to the default policy.")
        boolean reset;
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    PolicyCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        ModerationSettings settings = StoredRules.settings(context);
        if (change != null && change.reset) {
            boolean stored = settings.resetPolicy();
            context.out().println(stored ? "Moderation policy reset to the defaults; running bots apply it within a"
                    + " second." : "No policy was stored: the defaults apply.");
            return ExitCode.OK.code();
        }
        if (change != null && change.file != null) {
            ModerationPolicy policy;
            try {
                policy = settings.json().parse(read(change.file));
            } catch (IllegalArgumentException invalid) {
                throw new CommandLine.ParameterException(spec.commandLine(), "policy refused: " + invalid.getMessage());
            }
            settings.setPolicy(policy, Operator.name(context.environment()));
            context.out().println("Moderation policy stored; running bots apply it within a second.");
            return ExitCode.OK.code();
        }
        context.out().println(context.json().render(settings.json().write(settings.policy())));
        return ExitCode.OK.code();
    }

    private String read(String file) {
        try {
            return file.equals("-") ? new String(context.in().readAllBytes(), StandardCharsets.UTF_8)
                    : Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            throw new CommandLine.ParameterException(spec.commandLine(), "cannot read " + file + ": "
                    + unreadable.getMessage());
        }
    }
}
