package org.luvhive.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.luvhive.core.config.DatabaseUrl;

/**
 * Debian's PgBouncer ({@code apt-get install pgbouncer}; {@code scripts/test} installs it
 * when it runs as root) started in front of a test server, trusting every login, in
 * transaction pooling mode unless told otherwise. Runs as {@code nobody} when the tests
 * run as root (PgBouncer refuses root). Its log is {@code pgbouncer.log} in its directory.
 */
public final class PgBouncer implements AutoCloseable {

    /** Where Debian puts it; {@code PGBOUNCER} overrides. */
    public static final Path DEBIAN_BINARY = Path.of("/usr/sbin/pgbouncer");
    private static final Duration STARTUP = Duration.ofSeconds(10);

    private final Process process;
    private final Path directory;
    private final int port;

    private PgBouncer(Process process, Path directory, int port) {
        this.process = process;
        this.directory = directory;
        this.port = port;
    }

    /** PgBouncer in transaction pooling mode in front of the server {@code server} points at. */
    public static PgBouncer inFrontOf(DatabaseUrl server) {
        return inFrontOf(server, "transaction");
    }

    /** PgBouncer with {@code poolMode} ({@code transaction}, {@code session}) in front of {@code server}'s server. */
    public static PgBouncer inFrontOf(DatabaseUrl server, String poolMode) {
        Path binary = binary();
        try {
            Path directory = Files.createTempDirectory("luvhive-pgbouncer");
            int port = freePort();
            Path config = directory.resolve("pgbouncer.ini");
            Files.writeString(config, String.join("\n",
                    "[databases]",
                    "* = host=" + server.host() + " port=" + server.port(),
                    "[pgbouncer]",
                    "listen_addr = 127.0.0.1",
                    "listen_port = " + port,
                    "unix_socket_dir =",
                    "auth_type = trust",
                    "auth_file = " + directory.resolve("users.txt"),
                    "pool_mode = " + poolMode,
                    "max_client_conn = 500",
                    "default_pool_size = 40",
                    "logfile =",
                    "pidfile =",
                    ""));
            Files.writeString(directory.resolve("users.txt"), "\"" + server.user() + "\" \"\"\n");
            for (Path path : List.of(directory, config, directory.resolve("users.txt"))) {
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(
                        Files.isDirectory(path) ? "rwxr-xr-x" : "rw-r--r--"));
            }
            List<String> command = new ArrayList<>(List.of(binary.toString()));
            if ("root".equals(System.getProperty("user.name"))) {
                command.addAll(List.of("-u", "nobody")); // PgBouncer refuses to run as root
            }
            command.add(config.toString());
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(directory.resolve("pgbouncer.log").toFile()).start();
            PgBouncer bouncer = new PgBouncer(process, directory, port);
            bouncer.awaitListening();
            return bouncer;
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot start " + binary, failure);
        }
    }

    private static Path binary() {
        Path binary = Optional.ofNullable(System.getenv("PGBOUNCER")).map(Path::of).orElse(DEBIAN_BINARY);
        if (!Files.isExecutable(binary)) {
            throw new IllegalStateException(binary + " not found: install Debian's pgbouncer (apt-get install "
                    + "pgbouncer; scripts/test does it when run as root) or point PGBOUNCER at one");
        }
        return binary;
    }

    private void awaitListening() throws IOException {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("pgbouncer exited at start: " + log());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while pgbouncer starts", interrupted);
                }
            }
        }
        throw new IllegalStateException("pgbouncer did not listen within " + STARTUP.toSeconds() + " s: " + log());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** {@code database} on the same server, reached through this PgBouncer. */
    public DatabaseUrl url(DatabaseUrl database) {
        return new DatabaseUrl("127.0.0.1", port, database.database(), database.user(), database.password(),
                database.parameters());
    }

    public int port() {
        return port;
    }

    /** What PgBouncer logged, for failure messages. */
    public String log() {
        try {
            return Files.readString(directory.resolve("pgbouncer.log"));
        } catch (IOException unreadable) {
            return "(no log: " + unreadable.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        try (var files = Files.list(directory)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(directory);
        } catch (IOException ignored) {
            // a temporary directory
        }
    }
}
