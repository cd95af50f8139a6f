package org.luvhive.dist;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.luvhive.cli.LuvhiveCli;
import org.luvhive.cli.support.CliContext;
import org.luvhive.core.config.ConfigLoader;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Writes the shell completion script (bash and zsh) and the AsciiDoc source of one man
 * page per command, both from the CLI's live command tree; the build converts the AsciiDoc
 * to man pages and packs everything into the release archive. Run by the build
 * (exec-maven-plugin, phase prepare-package), so they cannot drift from the commands:
 * {@code CliDocs DIRECTORY} replaces DIRECTORY with {@code completion/luvhive} and
 * {@code man-adoc/luvhive[-COMMAND...].adoc}.
 *
 * <p>A parameter label ending in a bracket ({@code METHOD[:LEVEL]}) ends in AsciiDoc's
 * {@code {endsb}}: Asciidoctor reads a raw {@code [...]_} as an attribute list, which
 * dropped the option from the synopsis.
 */
public final class CliDocs {

    /** Wide enough that picocli never breaks a synopsis line; Asciidoctor and man fill the lines. */
    private static final int SYNOPSIS_WIDTH = 1000;

    private CliDocs() {
    }

    /** Help whose parameter labels end their closing bracket as {@code {endsb}} before the closing italic mark. */
    private static final class AsciiDocLabels extends CommandLine.Help {

        AsciiDocLabels(CommandLine.Model.CommandSpec spec, CommandLine.Help.ColorScheme colors) {
            super(spec, colors);
        }

        @Override // the synopsis
        public CommandLine.Help.IParamLabelRenderer parameterLabelRenderer() {
            return escaping(super.parameterLabelRenderer());
        }

        @Override // the option list
        public CommandLine.Help.IParamLabelRenderer createDefaultParamLabelRenderer() {
            return escaping(super.createDefaultParamLabelRenderer());
        }

        private CommandLine.Help.IParamLabelRenderer escaping(CommandLine.Help.IParamLabelRenderer plain) {
            return new CommandLine.Help.IParamLabelRenderer() {
                @Override
                public CommandLine.Help.Ansi.Text renderParameterLabel(CommandLine.Model.ArgSpec argument,
                        CommandLine.Help.Ansi ansi, List<CommandLine.Help.Ansi.IStyle> styles) {
                    String label = plain.renderParameterLabel(argument, ansi, styles).toString();
                    return ansi.new Text(label.replace("]_", "{endsb}_"), colorScheme());
                }

                @Override
                public String separator() {
                    return plain.separator();
                }
            };
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: CliDocs DIRECTORY");
        }
        Path directory = Path.of(args[0]);
        deleteRecursively(directory); // a page of a command that is gone must go with it
        Path completion = directory.resolve("completion/luvhive");
        Path manPages = directory.resolve("man-adoc");
        // The commands are only described, never run: the context opens nothing.
        PrintWriter unused = new PrintWriter(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        try (CliContext context = new CliContext(Map.of(), new ConfigLoader(Path.of("")), unused, unused,
                Clock.systemUTC())) {
            CommandLine commands = LuvhiveCli.commandLine(context);
            Files.createDirectories(completion.getParent());
            Files.writeString(completion, AutoComplete.bash("luvhive", commands), StandardCharsets.UTF_8);
            Files.createDirectories(manPages);
            commands.setHelpFactory(AsciiDocLabels::new);
            commands.setUsageHelpAutoWidth(false);
            commands.setUsageHelpWidth(SYNOPSIS_WIDTH);
            int result = ManPageGenerator.generateManPage(manPages.toFile(), null, new boolean[0], true,
                    commands.getCommandSpec());
            if (result != CommandLine.ExitCode.OK) {
                throw new IllegalStateException("the man page generator failed with exit code " + result);
            }
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
