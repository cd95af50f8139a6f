package org.luvhive.drill.runbook;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of a {@code sh} block of RUNBOOK.md, with the section it stands in. Placeholders
 * are written {@code <NAME>} and filled in by {@link #with}. Immutable.
 *
 * @param section the heading above it
 * @param text    the line as written
 * @param number  its line number in RUNBOOK.md
 */
public record RunbookLine(String section, String text, int number) {

    private static final Pattern PLACEHOLDER = Pattern.compile("<([A-Z_]+)>");

    /** True when it runs {@code luvhive} (the first word). */
    public boolean isLuvhive() {
        return text.equals("luvhive") || text.startsWith("luvhive ");
    }

    /** The placeholders it has, e.g. {@code PID}. */
    public List<String> placeholders() {
        List<String> names = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** The line with its placeholders filled in; fails when one is left. */
    public RunbookLine with(Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new IllegalArgumentException("no value for <" + matcher.group(1) + "> in `" + text + "`");
            }
            matcher.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(filled);
        return new RunbookLine(section, filled.toString(), number);
    }

    /** The arguments after {@code luvhive}, split as the shell would (quotes, no expansion). */
    public List<String> luvhiveArguments() {
        if (!isLuvhive()) {
            throw new IllegalStateException("not a luvhive command: " + text);
        }
        List<String> words = ShellWords.split(text);
        return words.subList(1, words.size());
    }

    @Override
    public String toString() {
        return text;
    }
}
