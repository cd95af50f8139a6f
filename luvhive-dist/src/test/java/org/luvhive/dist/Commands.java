package org.luvhive.dist;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a program as an operator's shell would: a working directory, an environment of its own, a time limit. */
final class Commands {

    /** PATH for the programs under test: the system's, nothing of the build's. */
    static final String SYSTEM_PATH = "/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin";

    record Result(int exitCode, String out, String err) {
    }

    private Commands() {
    }

    /** Runs {@code command} with exactly {@code environment}; fails the test if it outlives {@code timeout}. */
    static Result run(List<String> command, Path workingDirectory, Map<String, String> environment, Duration timeout)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile("luvhive-dist-out", ".txt");
        Path err = Files.createTempFile("luvhive-dist-err", ".txt");
        try {
            Process process = start(command, workingDirectory, environment, out, err);
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(command + " did not finish within " + timeout + "; stderr: "
                        + Files.readString(err));
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** Starts {@code command} in the background, its output appended to the given files. */
    static Process start(List<String> command, Path workingDirectory, Map<String, String> environment, Path out,
                         Path err) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
                .redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile()))
                .redirectError(ProcessBuilder.Redirect.appendTo(err.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().clear();
        builder.environment().putAll(environment);
        return builder.start();
    }
}
