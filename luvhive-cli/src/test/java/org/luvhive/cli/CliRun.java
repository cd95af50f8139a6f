package org.luvhive.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.luvhive.core.config.ConfigLoader;

/** One in-process run of {@code luvhive}: its exit code and what it printed. */
public record CliRun(int exitCode, String out, String err) {

    /** Runs {@code luvhive args} with the given environment and {@code userHome} as ~. */
    public static CliRun run(Map<String, String> environment, Path userHome, Clock clock, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = LuvhiveCli.run(environment, new ConfigLoader(userHome), clock,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                args);
        return new CliRun(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    public static CliRun run(Map<String, String> environment, Path userHome, String... args) {
        return run(environment, userHome, Clock.systemUTC(), args);
    }
}
