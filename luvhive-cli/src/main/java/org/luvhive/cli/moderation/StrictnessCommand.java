package org.luvhive.cli.moderation;

import java.util.concurrent.Callable;
import org.luvhive.cli.support.CliContext;
import org.luvhive.cli.support.ExitCode;
import org.luvhive.cli.support.Operator;
import org.luvhive.core.moderation.filter.Strictness;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code luvhive moderation strictness LEVEL}: every running bot judges at that level within a second. */
@Command(name = "strictness", mixinStandardHelpOptions = true,
        description = {"Set the moderation strictness of every running bot (applied within a second, no restart).",
                "relaxed: only high-severity rules block; normal (default): medium and high block, low strikes;",
                "strict: every rule blocks, accounts younger than 24 h send no media;",
                "lockdown: as strict, media blocked for everyone, new accounts cannot start a search."})
public final class StrictnessCommand implements Callable<Integer> {

    private final CliContext context;

    @Parameters(index = "0", paramLabel = "LEVEL", converter = StrictnessLevel.class,
            description = "relaxed, normal, strict or lockdown.")
    Strictness level;

    StrictnessCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Strictness before = StoredRules.settings(context).setLevel(level, Operator.name(context.environment()));
        context.out().printf("Moderation strictness set to %s (was %s); running bots apply it within a second.%n",
                level.code(), before.code());
        return ExitCode.OK.code();
    }
}
