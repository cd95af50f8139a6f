package org.luvhive.drill.runbook;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.luvhive.cli.LuvhiveCli;
import org.luvhive.cli.support.CliContext;
import org.luvhive.core.config.ConfigLoader;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * Whether a runbook line names a {@code luvhive} command and options that exist: the line
 * is parsed (never run) by the CLI's own picocli model. Placeholders get a sample value of
 * the right shape first. Stateless.
 */
public final class CommandTreeCheck {

    /** A value of the right shape for each placeholder the runbook uses. */
    private static final Map<String, String> SAMPLES = Map.of("PID", "4242", "FILE", "/tmp/new-token",
            "NAME", "luvhive_backup_20261206_033000", "USER_ID", "42", "TEXT", "cheap followers at spam.example");

    private CommandTreeCheck() {
    }

    /** Empty when {@code line} parses; else picocli's message. */
    public static Optional<String> problem(RunbookLine line) {
        List<String> arguments = line.with(SAMPLES).luvhiveArguments();
        String[] args = arguments.toArray(String[]::new);
        StringWriter sink = new StringWriter();
        PrintWriter writer = new PrintWriter(sink);
        try (CliContext context = new CliContext(Map.of(), ConfigLoader.forCurrentUser(), writer, writer,
                Clock.systemUTC())) {
            CommandLine commandLine = LuvhiveCli.commandLine(context, args);
            commandLine.parseArgs(args);
            return Optional.empty();
        } catch (ParameterException wrong) {
            return Optional.of(wrong.getMessage());
        }
    }
}
