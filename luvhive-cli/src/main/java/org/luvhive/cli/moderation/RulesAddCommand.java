package org.luvhive.cli.moderation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.luvhive.cli.support.CliContext;
import org.luvhive.cli.support.ExitCode;
import org.luvhive.cli.support.Operator;
import org.luvhive.core.moderation.filter.Rule;
import org.luvhive.core.moderation.filter.RuleKind;
import org.luvhive.core.moderation.filter.Severity;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code luvhive moderation rules add NAME --kind K --severity S [WORD...]}: a new rule, live within a second. */
@Command(name = "add", mixinStandardHelpOptions = true,
        description = {"Add a content rule (every running bot applies it within a second).",
                "Kinds: invite_link, url, domain, username, phone, email (built-in detectors), words (a list of",
                "words and phrases, given as arguments or with --terms-file), duplicate, churn (behaviour).",
                "Try a text first with 'luvhive moderation rules test'."})
public final class RulesAddCommand implements Callable<Integer> {

    private final CliContext context;

    @Parameters(index = "0", paramLabel = "NAME", description = "The rule's name, e.g. words.crypto.")
    String name;

    @Parameters(index = "1..*", paramLabel = "WORD", description = "Words and phrases (words rules only).")
    List<String> terms = new ArrayList<>();

    @Option(names = "--kind", required = true, paramLabel = "KIND", description = "What the rule looks for.")
    String kind;

    @Option(names = "--severity", required = true, paramLabel = "low|medium|high",
            description = "How bad a hit is; each level decides what a severity does.")
    String severity;

    @Option(names = "--terms-file", paramLabel = "FILE", description = "More words and phrases, one per line.")
    Path termsFile;

    @Option(names = "--replace", description = "Replace a rule of the same name.")
    boolean replace;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    RulesAddCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Rule rule = rule();
        if (!StoredRules.rules(context).add(rule, replace, Operator.name(context.environment()))) {
            throw new CommandLine.ParameterException(spec.commandLine(), "a rule named " + name
                    + " exists; give --replace to replace it");
        }
        context.out().printf("Rule %s (%s, %s%s) stored; running bots apply it within a second.%n", rule.name(),
                rule.kind().code(), rule.severity().code(),
                rule.terms().isEmpty() ? "" : ", " + rule.terms().size() + " word(s)");
        return ExitCode.OK.code();
    }

    private Rule rule() {
        RuleKind ruleKind = RuleKind.ofCode(kind).filter(found -> found != RuleKind.MEDIA).orElseThrow(() -> usage(
                "unknown kind '" + kind + "' (one of " + Arrays.stream(RuleKind.values())
                        .filter(found -> found != RuleKind.MEDIA).map(RuleKind::code)
                        .collect(Collectors.joining(", ")) + ")"));
        Severity ruleSeverity = Severity.ofCode(severity).orElseThrow(() ->
                usage("unknown severity '" + severity + "' (low, medium or high)"));
        List<String> words = new ArrayList<>(terms);
        if (termsFile != null) {
            try {
                Files.readAllLines(termsFile, StandardCharsets.UTF_8).stream().map(String::strip)
                        .filter(line -> !line.isEmpty() && !line.startsWith("#")).forEach(words::add);
            } catch (IOException unreadable) {
                throw usage("cannot read --terms-file " + termsFile + ": " + unreadable.getMessage());
            }
        }
        try {
            return new Rule(name, ruleKind, ruleSeverity, words.stream().distinct().toList());
        } catch (IllegalArgumentException invalid) {
            throw usage(invalid.getMessage());
        }
    }

    private CommandLine.ParameterException usage(String problem) {
        return new CommandLine.ParameterException(spec.commandLine(), problem);
    }
}
