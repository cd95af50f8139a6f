package org.luvhive.core.moderation.filter;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The moderation test corpus in {@code src/test/resources/moderation}: benign messages and
 * violating ones labelled with the rule kind that must catch them. Shared with the
 * moderation benchmark through core's test-jar.
 */
public final class Corpus {

    /** A violating message and the kind of rule that must catch it. */
    public record Violation(RuleKind kind, String text) {
    }

    private Corpus() {
    }

    public static List<String> benign() {
        return lines("/moderation/benign.txt");
    }

    public static List<Violation> violating() {
        List<Violation> violations = new ArrayList<>();
        for (String line : lines("/moderation/violating.txt")) {
            int tab = line.indexOf('\t');
            if (tab < 0) {
                throw new IllegalStateException("violating.txt: no tab in line: " + line);
            }
            RuleKind kind = RuleKind.ofCode(line.substring(0, tab))
                    .orElseThrow(() -> new IllegalStateException("violating.txt: unknown kind in line: " + line));
            violations.add(new Violation(kind, line.substring(tab + 1)));
        }
        return violations;
    }

    private static List<String> lines(String resource) {
        List<String> lines = new ArrayList<>();
        try (InputStream in = Corpus.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    lines.add(line.replace("\\n", "\n"));
                }
            }
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        return lines;
    }
}
