package org.luvhive.core.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.luvhive.core.config.DatabaseUrl;
import org.luvhive.core.config.PrivateFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL 15 that LuvHive uses when no {@code DATABASE_URL} is set,
 * with its data in one directory that survives restarts. A process that finds the
 * server already running on that directory (the bot, while an operator runs the CLI)
 * connects to it instead of starting a second one; only the process that started it
 * stops it. Thread-safe.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final String SUPERUSER = "postgres";
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);
    public static final String SERVER_LOG = "postgresql.log";

    /**
     * What the server log may hold: the server's own events (start, stop, checkpoints,
     * FATAL and PANIC), never a client's data. By default PostgreSQL logs a failed
     * statement's text ({@code STATEMENT:}), DETAIL and CONTEXT lines that quote values (a
     * duplicate key; the JSON being parsed: a message's text, a first name), and error
     * messages that quote a bad parameter ({@code invalid input syntax for type integer:
     * "..."}). So no statement is logged, no parameter, no DETAIL or CONTEXT, and no
     * client's ERROR or WARNING at all: the client gets those, and the bot logs them.
     */
    static final Map<String, String> PRIVATE_LOGGING = Map.of(
            "log_min_messages", "log",
            "log_min_error_statement", "panic",
            "log_error_verbosity", "terse",
            "log_statement", "none",
            "log_min_duration_statement", "-1",
            "log_min_duration_sample", "-1",
            "log_transaction_sample_rate", "0",
            "log_duration", "off",
            "log_parameter_max_length", "0",
            "log_parameter_max_length_on_error", "0");

    private final Path dataDirectory;
    private final int port;
    private final Optional<EmbeddedPostgres> owned;

    private EmbeddedPostgresServer(Path dataDirectory, int port, Optional<EmbeddedPostgres> owned) {
        this.dataDirectory = dataDirectory;
        this.port = port;
        this.owned = owned;
    }

    /**
     * Connects to the server running on {@code dataDirectory}, or starts one there. Only
     * when this call creates the cluster (first use) does it create {@code database} in it;
     * later a missing database stays missing (see {@link #databaseUrl}), so a dropped one
     * is never silently replaced by an empty one. Start-up is serialised across processes
     * by a lock file beside the data directory, so two processes starting together end up
     * sharing one server, and the second finds the first one's database.
     */
    public static EmbeddedPostgresServer startOrAttach(Path dataDirectory, String database) {
        Path directory = dataDirectory.toAbsolutePath().normalize();
        try {
            Files.createDirectories(directory.getParent());
            Path lockFile = directory.resolveSibling(directory.getFileName() + ".startup.lock");
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                Optional<Integer> runningPort = runningServerPort(directory);
                if (runningPort.isPresent()) {
                    LOG.info("Embedded PostgreSQL: data in {}, using the server already running on port {}",
                            directory, runningPort.get());
                    return new EmbeddedPostgresServer(directory, runningPort.get(), Optional.empty());
                }
                boolean fresh = !Files.exists(directory.resolve("postgresql.conf"));
                EmbeddedPostgresServer server = start(directory, fresh);
                if (fresh) {
                    server.create(database);
                }
                return server;
            }
        } catch (IOException failure) {
            throw new DatabaseUnavailableException("cannot start the embedded PostgreSQL in " + directory + ": "
                    + failure.getMessage(), failure);
        }
    }

    private static EmbeddedPostgresServer start(Path directory, boolean fresh) throws IOException {
        Path serverLog = PrivateFiles.file(PrivateFiles.directory(directory.getParent().resolve("logs"))
                .resolve(SERVER_LOG));
        EmbeddedPostgres postgres;
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    // zonky starts the server with -F (fsync off) for tests; this data is kept.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("max_connections", "200")
                    // per-statement statistics for `luvhive db slow` (the extension is created by a migration)
                    .setServerConfig("shared_preload_libraries", "pg_stat_statements");
            PRIVATE_LOGGING.forEach(builder::setServerConfig);
            postgres = builder
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(serverLog.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(serverLog.toFile()))
                    .setPGStartupWait(STARTUP_WAIT)
                    // we stop it ourselves, after the bot's graceful shutdown has used it; zonky's own
                    // hook would stop it concurrently, under handlers still finishing their work
                    .setRegisterShutdownHook(false)
                    .start();
        } catch (IllegalStateException | IOException failure) {
            throw new DatabaseUnavailableException("cannot start the embedded PostgreSQL in " + directory
                    + " (server log: " + serverLog + "): " + failure.getMessage(), failure);
        }
        LOG.info("Embedded PostgreSQL: data in {} ({}), listening on 127.0.0.1:{}, log in {}",
                directory, fresh ? "new cluster" : "existing cluster", postgres.getPort(), serverLog);
        return new EmbeddedPostgresServer(directory, postgres.getPort(), Optional.of(postgres));
    }

    /** The port of a live server on this directory, read from its postmaster.pid. */
    private static Optional<Integer> runningServerPort(Path directory) {
        Path pidFile = directory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(pidFile);
            if (lines.size() < 4) {
                return Optional.empty();
            }
            long pid = Long.parseLong(lines.get(0).strip());
            int port = Integer.parseInt(lines.get(3).strip());
            if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && answers(port)) {
                return Optional.of(port);
            }
            return Optional.empty();
        } catch (IOException | NumberFormatException unreadable) {
            return Optional.empty();
        }
    }

    private static boolean answers(int port) {
        Properties properties = new Properties();
        properties.setProperty("user", SUPERUSER);
        properties.setProperty("connectTimeout", "3");
        try (Connection ignored = DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + port + "/postgres", properties)) {
            return true;
        } catch (SQLException notAnswering) {
            return false;
        }
    }

    /**
     * The URL of {@code database} on this server; a {@link DatabaseUnavailableException}
     * when it does not exist (dropped or lost after the cluster was made: restore it, never
     * an empty one in its place).
     */
    public DatabaseUrl databaseUrl(String database) {
        DatabaseUrl serverUrl = serverUrl();
        try (Connection connection = superuserConnection(serverUrl);
             var exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            try (var result = exists.executeQuery()) {
                if (!result.next()) {
                    throw new DatabaseMissingException(database, "the embedded server (data in " + dataDirectory + ")",
                            null);
                }
            }
        } catch (SQLException failure) {
            throw Database.unavailable(serverUrl, failure);
        }
        return serverUrl.withDatabase(database);
    }

    /** Creates {@code database}, on the cluster's first start only. */
    private void create(String database) {
        DatabaseUrl serverUrl = serverUrl();
        try (Connection connection = superuserConnection(serverUrl);
             var create = connection.createStatement()) {
            create.execute("create database \"" + database.replace("\"", "\"\"") + "\"");
        } catch (SQLException failure) {
            throw Database.unavailable(serverUrl, failure);
        }
        LOG.info("Embedded PostgreSQL: created database '{}' in the new cluster", database);
    }

    private DatabaseUrl serverUrl() {
        return new DatabaseUrl("127.0.0.1", port, "postgres", SUPERUSER, Optional.empty(), Map.of());
    }

    private static Connection superuserConnection(DatabaseUrl serverUrl) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", SUPERUSER);
        return DriverManager.getConnection(serverUrl.jdbcUrl(), properties);
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    public int port() {
        return port;
    }

    /** Whether this process started the server (and so stops it on close). */
    public boolean startedHere() {
        return owned.isPresent();
    }

    @Override
    public void close() {
        owned.ifPresent(postgres -> {
            try {
                postgres.close();
            } catch (IOException failure) {
                throw new UncheckedIOException(failure);
            }
        });
    }
}
