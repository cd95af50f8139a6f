package org.luvhive.drill.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.luvhive.bot.BotMain;

/**
 * One bot instance as a real operating-system process: {@link BotMain} in a JVM of its own,
 * started from this JVM's class path with the environment given (no env file), its output
 * appended to a log file. {@link #kill()} is {@code kill -9}; {@link #start()} again is a
 * restart under a new pid. Not thread-safe.
 */
final class BotProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Map<String, String> environment;
    private final int publicPort;
    private final int managementPort;
    private final Path log;
    private Process process;
    private int starts;

    BotProcess(String name, Map<String, String> environment, int publicPort, int managementPort, Path log) {
        this.name = name;
        this.environment = Map.copyOf(environment);
        this.publicPort = publicPort;
        this.managementPort = managementPort;
        this.log = log;
    }

    void start() {
        ProcessBuilder builder = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx256m", "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"),
                BotMain.class.getName())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().keySet().removeIf(key -> key.startsWith("LUVHIVE_") || key.equals("DATABASE_URL")
                || key.equals("BOT_TOKEN") || key.equals("RUN_MODE") || key.equals("JDK_JAVA_OPTIONS"));
        builder.environment().putAll(environment);
        builder.environment().put("LUVHIVE_ENV_FILE", "");
        try {
            process = builder.start();
            starts++;
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot start bot " + name, failure);
        }
    }

    /**
     * Whether this start has finished ("LuvHive is running" logged: {@code /readyz} answers
     * as soon as the HTTP server is up, before the other parts start) and {@code /readyz}
     * answers 200; fails when the process has exited.
     */
    boolean ready() {
        if (!process.isAlive()) {
            throw new IllegalStateException("bot " + name + " exited with " + process.exitValue() + "; see " + log);
        }
        return runningLines() >= starts && readyzMillis() >= 0;
    }

    private long runningLines() {
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.filter(line -> line.contains("LuvHive is running")).count();
        } catch (IOException | UncheckedIOException unreadable) {
            return 0;
        }
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    /** How long {@code /readyz} took to answer 200, or -1 when it did not (5 s at most). */
    long readyzMillis() {
        long start = System.nanoTime();
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + managementPort + "/readyz"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200 ? (System.nanoTime() - start) / 1_000_000 : -1;
        } catch (IOException notAnswering) {
            return -1;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** {@code kill -9}: the JVM ends at once, nothing of it runs. */
    void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("bot " + name + " survived SIGKILL for 30 s");
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted killing bot " + name, interrupted);
        }
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    int publicPort() {
        return publicPort;
    }

    int managementPort() {
        return managementPort;
    }

    /** SIGKILL, for a run that ends abruptly (a shutdown hook). */
    void killQuietly() {
        if (process != null) {
            process.destroyForcibly();
        }
    }

    /** SIGTERM, as an operator stops it; SIGKILL after 60 s. */
    @Override
    public void close() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
