package org.luvhive.core.backup.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One running pg_dump or pg_restore: its environment set from {@link PgConnection} (the
 * password never on the command line), stderr read line by line for progress and for
 * errors, the last lines kept for the message. Not thread-safe: one owner.
 */
public final class PgProcess {

    private static final int KEPT_LINES = 20;

    private final Process process;
    private final Thread reader;
    private final Deque<String> lastLines = new ArrayDeque<>();
    private final List<String> errorLines = new ArrayList<>();
    private final String program;
    private final long started = System.nanoTime();
    private volatile long ended;

    private PgProcess(Process process, String program, Redactor redactor, Consumer<String> lineListener) {
        this.process = process;
        this.program = program;
        this.reader = new Thread(() -> readErrors(redactor, lineListener), program + "-stderr");
        this.reader.setDaemon(true);
        this.reader.start();
    }

    /** Starts {@code command} with {@code environment} added to a cleaned copy of ours; stdout is discarded. */
    public static PgProcess start(List<String> command, Map<String, String> environment, Redactor redactor,
                                  Consumer<String> lineListener) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        PgConnection.clearInherited(builder.environment());
        builder.environment().putAll(environment);
        String program = Path.of(command.get(0)).getFileName().toString();
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            return new PgProcess(process, program, redactor, lineListener);
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot start " + command.get(0) + ": " + failure.getMessage(), failure);
        }
    }

    private void readErrors(Redactor redactor, Consumer<String> lineListener) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                String safe = redactor.redact(line);
                synchronized (lastLines) {
                    if (isError(safe)) {
                        errorLines.add(safe);
                    }
                    lastLines.addLast(safe);
                    if (lastLines.size() > KEPT_LINES) {
                        lastLines.removeFirst();
                    }
                }
                lineListener.accept(safe);
            }
        } catch (IOException ignored) {
            // the process went away; its exit code tells the rest
        } finally {
            ended = System.nanoTime(); // stderr closed: the process has ended
        }
    }

    private boolean isError(String line) {
        return line.startsWith(program + ": error:") || line.startsWith(program + ": fatal:")
                || line.contains("FATAL:") || line.startsWith("ERROR:");
    }

    /** Waits for the process and its stderr; kills it if this thread is interrupted. */
    public Result await() {
        try {
            int exitCode = process.waitFor();
            reader.join();
            synchronized (lastLines) {
                return new Result(exitCode, List.copyOf(errorLines), List.copyOf(lastLines));
            }
        } catch (InterruptedException interrupted) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException(program + " interrupted", interrupted);
        }
    }

    /** Milliseconds from start until the process closed its stderr, i.e. ended (0 before). */
    public long elapsedMillis() {
        return ended == 0 ? 0 : (ended - started) / 1_000_000;
    }

    /** Stops the process (on a failure elsewhere). */
    public void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /**
     * How the process ended.
     *
     * @param exitCode   its exit code
     * @param errorLines stderr lines that report an error
     * @param lastLines  the last lines of stderr
     */
    public record Result(int exitCode, List<String> errorLines, List<String> lastLines) {

        public boolean succeeded() {
            return exitCode == 0 && errorLines.isEmpty();
        }

        /** One line for an operator: the first error, else the last line, else the exit code. */
        public String summary() {
            if (!errorLines.isEmpty()) {
                return errorLines.get(0);
            }
            if (!lastLines.isEmpty()) {
                return lastLines.get(lastLines.size() - 1) + " (exit code " + exitCode + ")";
            }
            return "exit code " + exitCode;
        }
    }
}
