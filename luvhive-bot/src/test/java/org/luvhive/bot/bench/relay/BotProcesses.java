package org.luvhive.bot.bench.relay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The bots under test: {@code scripts/luvhive-bot} (of this or another build) started as
 * separate processes on one database, as an operator starts them, with their settings in
 * an env file. Reads their CPU time, memory and allocation from outside. Not thread-safe.
 */
final class BotProcesses implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

    private final RelayBenchOptions options;
    private final Path home;
    private final String telegramUrl;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Bot> bots = new ArrayList<>();
    private int started;

    BotProcesses(RelayBenchOptions options, Path home, String telegramUrl, String token) {
        this.options = options;
        this.home = home;
        this.telegramUrl = telegramUrl;
        this.token = token;
    }

    /** One running bot: its process and management port. */
    record Bot(Process process, int managementPort, Path log) {
        long pid() {
            return process.pid();
        }
    }

    /** Starts every instance and waits until each answers {@code /readyz}. */
    void start() {
        for (int index = 0; index < options.instances(); index++) {
            bots.add(launch(++started));
        }
        for (Bot bot : bots) {
            awaitReady(bot);
        }
    }

    private Bot launch(int number) {
        try {
            int managementPort = freePort();
            int port = freePort();
            Path envFile = home.resolve("bot-" + number + ".env");
            Files.deleteIfExists(envFile);
            Files.createFile(envFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(envFile, String.join("\n",
                    "BOT_TOKEN=" + token,
                    "TELEGRAM_API_URL=" + telegramUrl,
                    "PORT=" + port,
                    "MANAGEMENT_PORT=" + managementPort,
                    options.webhook() ? "RUN_MODE=webhook\nEXTERNAL_URL=http://127.0.0.1:" + port
                            + "\nSECRET_TOKEN=bench-" + Long.toHexString(System.nanoTime()) : "",
                    options.poolSize() > 0 ? "DB_POOL_SIZE=" + options.poolSize() : "") + "\n");
            Path log = home.resolve("bot-" + number + ".log");
            ProcessBuilder builder = new ProcessBuilder(options.bot().toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            var environment = builder.environment();
            environment.keySet().removeIf(key -> key.equals("DATABASE_URL") || key.equals("BOT_TOKEN")
                    || key.startsWith("LUVHIVE_") || key.equals("RUN_MODE"));
            environment.put("LUVHIVE_HOME", home.toString());
            environment.put("LUVHIVE_ENV_FILE", envFile.toString());
            if (options.javaOpts() != null) {
                environment.put("LUVHIVE_JAVA_OPTS", options.javaOpts());
            }
            if (options.jfr() != null) {
                Files.createDirectories(options.jfr());
                environment.put("JDK_JAVA_OPTIONS", "-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
                        + options.jfr().resolve("bot-" + number + ".jfr"));
            }
            return new Bot(builder.start(), managementPort, log);
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot start " + options.bot(), failure);
        }
    }

    private void awaitReady(Bot bot) {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!bot.process().isAlive()) {
                throw new IllegalStateException("a bot exited with " + bot.process().exitValue() + "; see " + bot.log());
            }
            if (get(bot, "/readyz").isPresent()) {
                return;
            }
            sleep(Duration.ofMillis(200));
        }
        throw new IllegalStateException("a bot was not ready within " + READY_TIMEOUT.toSeconds() + " s; see " + bot.log());
    }

    private Optional<String> get(Bot bot, String path) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + bot.managementPort() + path))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? Optional.of(response.body()) : Optional.empty();
        } catch (IOException notYet) {
            return Optional.empty();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** CPU time of every bot so far, in milliseconds. */
    double cpuMillis() {
        return bots.stream().mapToDouble(bot -> ProcFs.cpuMillis(bot.pid())).sum();
    }

    /** The largest resident memory of one bot now, in MiB. */
    double maxRssMiB() {
        return bots.stream().mapToDouble(bot -> ProcFs.rssMiB(bot.pid())).max().orElse(0);
    }

    /**
     * Bytes the bots' JVMs allocated so far, as their {@code /metrics} report it. The JVM
     * counts allocation at each garbage collection, so one is run first ({@code jcmd
     * GC.run}): read CPU time before this, or it counts that collection too.
     */
    double allocatedBytes() {
        double total = 0;
        for (Bot bot : bots) {
            try {
                new ProcessBuilder("jcmd", String.valueOf(bot.pid()), "GC.run").redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(60, TimeUnit.SECONDS);
            } catch (IOException noJcmd) {
                return Double.NaN;
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return Double.NaN;
            }
            String metrics = get(bot, "/metrics").orElse("");
            for (String line : metrics.split("\n")) {
                if (line.startsWith("jvm_gc_memory_allocated_bytes_total")) {
                    total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
        }
        return total;
    }

    /** SIGTERM to every bot, and waits for each to exit. */
    void stop() {
        for (Bot bot : bots) {
            bot.process().destroy();
        }
        for (Bot bot : bots) {
            try {
                if (!bot.process().waitFor(60, TimeUnit.SECONDS)) {
                    bot.process().destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                bot.process().destroyForcibly();
            }
        }
        bots.clear();
    }

    @Override
    public void close() {
        stop();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
