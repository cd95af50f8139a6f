package org.luvhive.cli.moderation;

import java.util.concurrent.Callable;
import org.luvhive.cli.support.CliContext;
import org.luvhive.cli.support.ExitCode;
import org.luvhive.cli.support.Operator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code luvhive moderation rules remove NAME}: the rule stops applying within a second. */
@Command(name = "remove", mixinStandardHelpOptions = true,
        description = "Remove a content rule (every running bot stops applying it within a second).")
public final class RulesRemoveCommand implements Callable<Integer> {

    private final CliContext context;

    @Parameters(index = "0", paramLabel = "NAME", description = "The rule's name, as 'rules list' shows it.")
    String name;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    RulesRemoveCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (!StoredRules.rules(context).remove(name, Operator.name(context.environment()))) {
            throw new CommandLine.ParameterException(spec.commandLine(), "no rule named " + name
                    + " (see 'luvhive moderation rules list')");
        }
        context.out().printf("Rule %s removed; running bots stop applying it within a second.%n", name);
        return ExitCode.OK.code();
    }
}
