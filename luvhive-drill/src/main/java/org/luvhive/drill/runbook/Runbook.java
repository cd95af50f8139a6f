package org.luvhive.drill.runbook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * RUNBOOK.md as the drills and its tests read it: the headings, and the lines of its
 * {@code ```sh} blocks, each under the heading it appears in. A drill never writes a
 * command of its own: it asks for the runbook's line ({@link #line}), which fails when
 * the runbook no longer says it, so the two cannot drift apart. Immutable.
 */
public final class Runbook {

    /** Where the build puts RUNBOOK.md in the jar (see the module's pom). */
    static final String RESOURCE = "/org/luvhive/drill/RUNBOOK.md";

    private final List<String> headings;
    private final List<RunbookLine> lines;

    private Runbook(List<String> headings, List<RunbookLine> lines) {
        this.headings = List.copyOf(headings);
        this.lines = List.copyOf(lines);
    }

    /**
     * The repository's RUNBOOK.md when the system property {@code luvhive.runbook} names it
     * ({@code scripts/drill} does, so an edit counts at once), else the one this build carries.
     */
    public static Runbook current() {
        String path = System.getProperty("luvhive.runbook");
        if (path == null) {
            return bundled();
        }
        try {
            return parse(Files.readString(Path.of(path)));
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /** The RUNBOOK.md this build carries. */
    public static Runbook bundled() {
        try (InputStream in = Runbook.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("RUNBOOK.md is not on the class path at " + RESOURCE);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    public static Runbook parse(String markdown) {
        List<String> headings = new ArrayList<>();
        List<RunbookLine> lines = new ArrayList<>();
        String section = "";
        boolean inShell = false;
        boolean inOtherBlock = false;
        int number = 0;
        for (String raw : markdown.split("\n", -1)) {
            number++;
            String line = raw.stripTrailing();
            if (line.startsWith("```")) {
                if (inShell || inOtherBlock) {
                    inShell = false;
                    inOtherBlock = false;
                } else if (line.equals("```sh")) {
                    inShell = true;
                } else {
                    inOtherBlock = true;
                }
                continue;
            }
            if (inShell) {
                if (!line.isBlank()) {
                    lines.add(new RunbookLine(section, line.strip(), number));
                }
            } else if (!inOtherBlock && line.startsWith("#")) {
                section = line.replaceFirst("^#+\\s*", "");
                headings.add(section);
            }
        }
        if (inShell || inOtherBlock) {
            throw new IllegalArgumentException("RUNBOOK.md: a code block is not closed");
        }
        return new Runbook(headings, lines);
    }

    /** Every heading's text, without the {@code #}s, in order. */
    public List<String> headings() {
        return headings;
    }

    /** Every line of every {@code sh} block, in order. */
    public List<RunbookLine> lines() {
        return lines;
    }

    /** The lines that run {@code luvhive}. */
    public List<RunbookLine> luvhiveLines() {
        return lines.stream().filter(RunbookLine::isLuvhive).toList();
    }

    /**
     * The runbook's own line {@code text} in section {@code section}; fails when the runbook
     * does not say exactly that there (a drill must run what the on-call engineer reads).
     */
    public RunbookLine line(String section, String text) {
        if (!headings.contains(section)) {
            throw new IllegalStateException("RUNBOOK.md has no section \"" + section + "\"");
        }
        return find(section, text).orElseThrow(() -> new IllegalStateException(
                "RUNBOOK.md, section \"" + section + "\", has no line `" + text + "` in a sh block"));
    }

    private Optional<RunbookLine> find(String section, String text) {
        return lines.stream().filter(line -> line.section().equals(section) && line.text().equals(text)).findFirst();
    }
}
