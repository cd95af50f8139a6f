package org.luvhive.cli.moderation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.luvhive.cli.support.CliContext;
import org.luvhive.cli.support.ExitCode;
import org.luvhive.cli.support.JsonOption;
import org.luvhive.core.moderation.filter.Rule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code luvhive moderation rules list}: every stored rule, its kind, severity and words. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the content rules.")
public final class RulesListCommand implements Callable<Integer> {

    private static final int SHOWN_TERMS = 6;

    private final CliContext context;

    @Mixin
    JsonOption json;

    RulesListCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        List<Rule> rules = StoredRules.rules(context).all();
        if (json.enabled()) {
            context.out().println(context.json().render(rules.stream().map(RulesListCommand::row).toList()));
            return ExitCode.OK.code();
        }
        context.out().printf("%-26s %-12s %-8s %s%n", "NAME", "KIND", "SEVERITY", "WORDS");
        for (Rule rule : rules) {
            List<String> terms = rule.terms();
            String shown = terms.isEmpty() ? "-" : String.join(", ", terms.subList(0, Math.min(SHOWN_TERMS,
                    terms.size()))) + (terms.size() > SHOWN_TERMS ? ", ... (" + terms.size() + " in all)" : "");
            context.out().printf("%-26s %-12s %-8s %s%n", rule.name(), rule.kind().code(), rule.severity().code(),
                    shown);
        }
        return ExitCode.OK.code();
    }

    private static Map<String, Object> row(Rule rule) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", rule.name());
        row.put("kind", rule.kind().code());
        row.put("severity", rule.severity().code());
        row.put("terms", rule.terms());
        return row;
    }
}
