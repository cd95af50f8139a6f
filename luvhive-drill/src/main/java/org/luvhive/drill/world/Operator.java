package org.luvhive.drill.world;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.luvhive.cli.LuvhiveCli;
import org.luvhive.core.config.ConfigLoader;
import org.luvhive.drill.runbook.RunbookLine;

/**
 * The on-call engineer at the world's keyboard: runs a runbook line as written. A
 * {@code luvhive} line runs the CLI in-process with the world's environment (what
 * {@code scripts/luvhive} would run); any other line runs under {@code sh -c} with that
 * environment, the runbook's {@code 127.0.0.1:8090} (the management port) being the first
 * bot instance's. Thread-safe.
 */
public final class Operator {

    private static final String MANAGEMENT = "127.0.0.1:8090";

    private final World world;

    Operator(World world) {
        this.world = world;
    }

    public Outcome run(RunbookLine line) {
        return run(line, "");
    }

    /** As {@link #run(RunbookLine)}, with {@code stdin} typed in (e.g. a token at a prompt). */
    public Outcome run(RunbookLine line, String stdin) {
        if (!line.placeholders().isEmpty()) {
            throw new IllegalArgumentException("fill in " + line.placeholders() + " first: " + line.text());
        }
        return line.isLuvhive() ? luvhive(line, stdin) : shell(line);
    }

    private Outcome luvhive(RunbookLine line, String stdin) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = LuvhiveCli.run(world.environment(), new ConfigLoader(world.home()), Clock.systemUTC(),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                line.luvhiveArguments().toArray(String[]::new));
        return new Outcome(line.text(), code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Outcome shell(RunbookLine line) {
        String text = line.text().replace(MANAGEMENT, "127.0.0.1:" + world.instance(0).managementPort());
        ProcessBuilder builder = new ProcessBuilder("sh", "-c", text);
        builder.environment().putAll(world.environment());
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            byte[] out = process.getInputStream().readAllBytes();
            byte[] err = process.getErrorStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("still running after 60 s: " + text);
            }
            return new Outcome(line.text(), process.exitValue(), new String(out, StandardCharsets.UTF_8),
                    new String(err, StandardCharsets.UTF_8));
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + text, interrupted);
        }
    }

    /** What a line did: its exit code and output. */
    public record Outcome(String command, int exitCode, String out, String err) {

        /** The first line of output (stdout, else stderr), for the drill's step line. */
        public String firstLine() {
            String text = out.isBlank() ? err : out;
            String stripped = text.strip();
            int end = stripped.indexOf('\n');
            return end < 0 ? stripped : stripped.substring(0, end);
        }
    }
}
