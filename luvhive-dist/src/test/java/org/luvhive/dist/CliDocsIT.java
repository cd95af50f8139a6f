package org.luvhive.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.luvhive.cli.LuvhiveCli;
import org.luvhive.core.config.ConfigLoader;

/**
 * The man pages and the shell completion in the release archive against the command tree
 * as {@code luvhive --help} shows it to a user: a page for every command and no other, each
 * page's synopsis the command's own, and completion offering every subcommand and option,
 * in bash and (where installed) zsh.
 */
class CliDocsIT {

    private static final Pattern COMMAND_LINE = Pattern.compile("^  ([a-z][a-z0-9-]*(?:, [a-z][a-z0-9-]*)*)(?: {2,}.*)?$");
    private static final Pattern LONG_OPTION = Pattern.compile("(?<![\\w-])--[a-z][a-z0-9-]*");

    private static final String USAGE_WIDTH = "1000";

    @TempDir
    static Path root;

    private static UnpackedRelease release;
    /** Every command's path below luvhive ("" is luvhive itself, then "backup", "backup create", ...) and its help. */
    private static final Map<String, Help> COMMANDS = new LinkedHashMap<>();

    /** A command's --help: its subcommands (name first, then aliases) and its synopsis on one line. */
    record Help(List<List<String>> subcommands, String synopsis) {

        Set<String> longOptions() {
            Set<String> options = new TreeSet<>();
            Matcher matcher = LONG_OPTION.matcher(synopsis);
            while (matcher.find()) {
                options.add(matcher.group());
            }
            return options;
        }
    }

    @BeforeAll
    static void readTheCommandTree() throws Exception {
        System.setProperty("picocli.usage.width", USAGE_WIDTH); // whole synopses: a wrapped one breaks inside options
        release = UnpackedRelease.into(root.resolve("opt"));
        walk(List.of());
        assertThat(COMMANDS).as("the command tree").hasSizeGreaterThan(10);
    }

    @Test
    void everyCommandHasItsManPageWithItsSynopsisAndNoOtherPageExists() throws Exception {
        Path man1 = release.resolve("share/man/man1");
        Set<String> expected = new TreeSet<>();
        for (Map.Entry<String, Help> command : COMMANDS.entrySet()) {
            String page = ("luvhive " + command.getKey()).strip().replace(' ', '-') + ".1";
            expected.add(page);
            Path file = man1.resolve(page);
            assertThat(file).as("the man page of 'luvhive %s'", command.getKey()).isRegularFile();
            assertThat(synopsisOf(Files.readString(file))).as("SYNOPSIS of %s", page)
                    .isEqualTo(command.getValue().synopsis());
        }
        try (Stream<Path> pages = Files.list(man1)) {
            assertThat(pages.map(page -> page.getFileName().toString())).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    void manPagesRenderWithoutWarnings() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/groff")), "groff is not installed: the pages are not rendered");
        List<String> command = new ArrayList<>(List.of("/usr/bin/groff", "-man", "-Tutf8", "-ww", "-z"));
        try (Stream<Path> pages = Files.list(release.resolve("share/man/man1"))) {
            pages.map(Path::toString).sorted().forEach(command::add);
        }
        Commands.Result rendered = Commands.run(command, root, Map.of("PATH", Commands.SYSTEM_PATH), Duration.ofMinutes(1));
        assertThat(rendered.exitCode()).isZero();
        assertThat(rendered.err()).isEmpty();
    }

    @Test
    void bashCompletesEverySubcommandAndOption() throws Exception {
        assertCompletes("/bin/bash", "bash");
    }

    @Test
    void zshCompletesEverySubcommandAndOption() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/zsh")), "zsh is not installed (scripts/test installs it as root)");
        assertCompletes("/usr/bin/zsh", "zsh");
    }

    /**
     * Sources the completion script in {@code shell} and asks it, as the shell's completion would,
     * for the words after every group command (its subcommands) and after every leaf command
     * and a '-' (its options).
     */
    private static void assertCompletes(String shell, String name) throws Exception {
        StringBuilder script = new StringBuilder("source '" + release.resolve("share/bash-completion/completions/luvhive")
                + "' || exit 3\n");
        for (Map.Entry<String, Help> command : COMMANDS.entrySet()) {
            List<String> words = new ArrayList<>(List.of("luvhive"));
            if (!command.getKey().isEmpty()) {
                words.addAll(List.of(command.getKey().split(" ")));
            }
            String typed = command.getValue().subcommands().isEmpty() ? "-" : "";
            script.append("echo '@@ ").append(command.getKey()).append("'\n")
                    .append(complete(name, words, typed)).append('\n');
        }
        Commands.Result completions = Commands.run(List.of(shell, "-c", script.toString()), root,
                Map.of("PATH", Commands.SYSTEM_PATH, "HOME", root.toString()), Duration.ofMinutes(1));
        assertThat(completions.exitCode()).as("%s: %s", shell, completions.err()).isZero();

        Map<String, Set<String>> offered = new LinkedHashMap<>();
        Set<String> current = null;
        for (String line : completions.out().split("\n")) {
            if (line.startsWith("@@ ")) {
                current = new TreeSet<>();
                offered.put(line.substring(3), current);
            } else if (current != null && !line.isBlank()) {
                current.add(line.strip());
            }
        }
        for (Map.Entry<String, Help> command : COMMANDS.entrySet()) {
            Set<String> expected = new TreeSet<>();
            command.getValue().subcommands().forEach(expected::addAll);
            if (expected.isEmpty()) {
                expected.addAll(command.getValue().longOptions());
            }
            assertThat(offered.get(command.getKey())).as("%s completes 'luvhive %s'", name, command.getKey())
                    .containsAll(expected);
        }
    }

    /** Shell code that prints the completions of {@code typed} after {@code words}, one per line. */
    private static String complete(String shell, List<String> words, String typed) {
        StringBuilder array = new StringBuilder();
        words.forEach(word -> array.append('\'').append(word).append("' "));
        String line = String.join(" ", words) + " " + typed;
        String setup = "COMP_WORDS=(" + array + "'" + typed + "'); COMP_CWORD=" + words.size() + "; COMP_LINE='" + line
                + "'; COMP_POINT=" + line.length() + "; ";
        if (shell.equals("zsh")) { // through zsh's bash completion layer, as a Tab would
            return setup + "words=(" + array + "'" + typed + "'); CURRENT=" + (words.size() + 1)
                    + "; compgen -F _complete_luvhive -- '" + typed + "'";
        }
        return setup + "COMPREPLY=(); _complete_luvhive luvhive '" + typed + "' '" + words.get(words.size() - 1)
                + "'; printf '%s\\n' \"${COMPREPLY[@]}\"";
    }

    private static void walk(List<String> path) {
        List<String> arguments = new ArrayList<>(path);
        arguments.add("--help");
        String help = run(arguments.toArray(String[]::new));
        List<List<String>> subcommands = subcommandsIn(help);
        COMMANDS.put(String.join(" ", path), new Help(subcommands, usageIn(help)));
        for (List<String> names : subcommands) {
            List<String> child = new ArrayList<>(path);
            child.add(names.get(0));
            walk(child);
        }
    }

    /** The in-process CLI, as 'luvhive ARGS' runs it. */
    private static String run(String... arguments) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = LuvhiveCli.run(Map.of(), new ConfigLoader(root), Clock.systemUTC(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                arguments);
        assertThat(exitCode).as("luvhive %s: %s", String.join(" ", arguments), err).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    private static List<List<String>> subcommandsIn(String help) {
        List<List<String>> subcommands = new ArrayList<>();
        boolean inCommands = false;
        for (String line : help.split("\\R")) {
            if (line.equals("Commands:")) {
                inCommands = true;
            } else if (inCommands && (line.isBlank() || !line.startsWith(" "))) {
                break;
            } else if (inCommands) {
                Matcher command = COMMAND_LINE.matcher(line);
                if (command.matches()) {
                    subcommands.add(List.of(command.group(1).split(", ")));
                }
            }
        }
        return subcommands;
    }

    /** The "Usage:" synopsis, without the word Usage (one line: see USAGE_WIDTH). */
    private static String usageIn(String help) {
        String usage = help.substring(help.indexOf("Usage: ") + "Usage: ".length());
        return oneLine(usage.split("\\R", 2)[0]);
    }

    /** The SYNOPSIS section of a roff man page as text, on one line. */
    private static String synopsisOf(String roff) {
        List<String> text = new ArrayList<>();
        boolean inSynopsis = false;
        for (String line : roff.split("\n")) {
            if (line.startsWith(".SH ")) {
                inSynopsis = line.equals(".SH \"SYNOPSIS\"");
            } else if (inSynopsis && !line.startsWith(".")) {
                text.add(line.replaceAll("\\\\f[BIPR]", "").replace("\\-", "-").replace("\\&", "")
                        .replace("\\(cq", "'"));
            }
        }
        return oneLine(String.join(" ", text));
    }

    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }
}
