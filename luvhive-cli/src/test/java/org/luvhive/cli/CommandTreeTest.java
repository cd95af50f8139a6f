package org.luvhive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.luvhive.cli.support.CliContext;
import org.luvhive.core.config.ConfigLoader;
import picocli.CommandLine;

/**
 * The start-up shortcut (CommandTree: only the branch the arguments name is built) saves
 * work and changes nothing a user sees: the help of the command run is the one the whole
 * tree gives.
 */
class CommandTreeTest {

    @TempDir
    Path home;

    @Test
    void aNamedCommandGetsOnlyItsBranch() {
        CommandLine built = build("backup", "create", "--json");

        assertThat(built.getSubcommands()).containsOnlyKeys("backup");
        assertThat(built.getSubcommands().get("backup").getSubcommands()).containsOnlyKeys("create");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "bakup", "help", "help backup", "-v"})
    void withoutANamedCommandTheWholeTreeIsBuilt(String line) {
        CommandLine built = build(words(line));

        assertThat(built.getSubcommands()).containsOnlyKeys(whole().getSubcommands().keySet().toArray(String[]::new));
        assertThat(built.getSubcommands().get("backup").getSubcommands())
                .containsOnlyKeys("create", "list", "verify", "restore", "prune", "check");
    }

    @ParameterizedTest
    @ValueSource(strings = {"backup create", "backup check", "backup", "db info", "webhook info", "set-limits",
            "-v backup verify", "cache clear"})
    void theHelpOfTheCommandRunIsTheWholeTreesHelp(String line) {
        String[] args = words(line);

        assertThat(usage(build(args), args)).isEqualTo(usage(whole(), args)).contains("Usage: luvhive");
    }

    private CommandLine build(String... args) {
        CliContext context = new CliContext(Map.of(), new ConfigLoader(home), new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()), Clock.systemUTC());
        return LuvhiveCli.commandLine(context, args);
    }

    private CommandLine whole() {
        return build(); // no command named: everything
    }

    /** The usage message of the command {@code args} name, as {@code --help} prints it. */
    private static String usage(CommandLine root, String[] args) {
        CommandLine command = root;
        for (String word : Arrays.stream(args).filter(arg -> !arg.startsWith("-")).toList()) {
            command = command.getSubcommands().get(word);
        }
        return command.getUsageMessage(CommandLine.Help.Ansi.OFF);
    }

    private static String[] words(String line) {
        return line.isEmpty() ? new String[0] : List.of(line.split(" ")).toArray(String[]::new);
    }
}
