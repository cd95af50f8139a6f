package org.luvhive.cli.moderation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.luvhive.cli.support.CliContext;
import org.luvhive.cli.support.ExitCode;
import org.luvhive.cli.support.JsonOption;
import org.luvhive.core.moderation.filter.RuleHit;
import org.luvhive.core.moderation.filter.Strictness;
import org.luvhive.core.moderation.filter.Verdict;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code luvhive moderation rules test [--level L] TEXT}: which stored rules a text trips
 * and what the bot would decide, with the checker the bot runs.
 */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = {"Show which rules a text trips and the decision (allow, strike, block) at a level",
                "(default: the live one), with the rules stored in the database and the bot's own checker."})
public final class RulesTestCommand implements Callable<Integer> {

    private final CliContext context;

    @Parameters(arity = "1..*", paramLabel = "TEXT", description = "The text (several arguments are joined by spaces).")
    List<String> words;

    @Option(names = "--level", paramLabel = "LEVEL", converter = StrictnessLevel.class,
            description = "relaxed, normal, strict or lockdown (default: the live level).")
    Strictness level;

    @Mixin
    JsonOption json;

    RulesTestCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Strictness judgedAt = level != null ? level : StoredRules.settings(context).level();
        Verdict verdict = StoredRules.rules(context).test(String.join(" ", words), judgedAt,
                StoredRules.settings(context).policy());
        if (json.enabled()) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("level", judgedAt.code());
            document.put("decision", verdict.decision().code());
            document.put("rules", verdict.rules());
            context.out().println(context.json().render(document));
            return ExitCode.OK.code();
        }
        context.out().printf("%s at %s%n", verdict.decision().code(), judgedAt.code());
        for (RuleHit hit : verdict.hits()) {
            context.out().printf("  %-26s %-12s %-6s %s%s%n", hit.rule(), hit.kind().code(), hit.severity().code(),
                    hit.decision().code(), hit.obfuscated() ? " (obfuscated: one severity up)" : "");
        }
        if (verdict.hits().isEmpty()) {
            context.out().println("  no rule tripped");
        }
        return ExitCode.OK.code();
    }
}
