package org.luvhive.core.backup.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.luvhive.core.backup.PgToolsMissingException;

/**
 * Finds pg_dump and pg_restore for a server of a given major version:
 * {@code $LUVHIVE_PG_BIN} if set, else Debian's {@code /usr/lib/postgresql/<major>/bin},
 * else the first on {@code PATH}. A client older than the server is refused: pg_dump
 * cannot dump a newer server. Thread-safe.
 */
public final class PgToolsLocator {

    public static final String PG_BIN_VARIABLE = "LUVHIVE_PG_BIN";

    private static final Pattern VERSION = Pattern.compile("\\(PostgreSQL\\)\\s+(\\d+)(?:\\.(\\d+))?");

    private final Map<String, String> environment;
    private final Path debianRoot;

    public PgToolsLocator(Map<String, String> environment) {
        this(environment, Path.of("/usr/lib/postgresql"));
    }

    PgToolsLocator(Map<String, String> environment, Path debianRoot) {
        this.environment = Map.copyOf(environment);
        this.debianRoot = debianRoot;
    }

    /** The tools for a server of major version {@code serverMajor}, or a {@link PgToolsMissingException}. */
    public PgTools locate(int serverMajor) {
        String install = "install postgresql-client-" + serverMajor + " (apt-get install postgresql-client-"
                + serverMajor + ") or set " + PG_BIN_VARIABLE + " to the directory holding pg_dump " + serverMajor;
        List<Path> searched = new ArrayList<>();
        Path directory = findDirectory(serverMajor, searched).orElseThrow(() -> new PgToolsMissingException(
                missing(searched) + " (looked in " + String.join(", ", searched.stream().map(Path::toString).toList())
                        + "): " + install));
        Path pgDump = directory.resolve("pg_dump");
        Path pgRestore = directory.resolve("pg_restore");
        Process dumpVersion = startVersion(pgDump); // both at once: this is on the way to pg_dump's start
        Process restoreVersion = startVersion(pgRestore);
        PgTools tools = new PgTools(pgDump, pgRestore, versionLine(pgDump, dumpVersion), 0);
        int dumpMajor = major(tools.pgDumpVersion(), tools.pgDump());
        int restoreMajor = major(versionLine(pgRestore, restoreVersion), tools.pgRestore());
        int older = Math.min(dumpMajor, restoreMajor);
        if (older < serverMajor) {
            throw new PgToolsMissingException("pg_dump/pg_restore in " + directory + " are version " + older
                    + ", older than the server (PostgreSQL " + serverMajor + "): " + install);
        }
        return new PgTools(tools.pgDump(), tools.pgRestore(), tools.pgDumpVersion(), dumpMajor);
    }

    private Optional<Path> findDirectory(int serverMajor, List<Path> searched) {
        String explicit = environment.get(PG_BIN_VARIABLE);
        if (explicit != null && !explicit.isBlank()) {
            Path directory = Path.of(explicit.strip());
            searched.add(directory);
            return hasBoth(directory) ? Optional.of(directory) : Optional.empty();
        }
        Path debian = debianRoot.resolve(Integer.toString(serverMajor)).resolve("bin");
        searched.add(debian);
        if (hasBoth(debian)) {
            return Optional.of(debian);
        }
        String path = environment.getOrDefault("PATH", System.getenv("PATH"));
        if (path != null) {
            for (String entry : path.split(":")) {
                if (!entry.isBlank()) {
                    Path directory = Path.of(entry);
                    searched.add(directory);
                    if (hasBoth(directory)) {
                        return Optional.of(directory);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** Which tool is missing: "pg_restore not found" when some directory had pg_dump only, and so on. */
    private static String missing(List<Path> searched) {
        boolean dump = searched.stream().anyMatch(directory -> Files.isExecutable(directory.resolve("pg_dump")));
        boolean restore = searched.stream().anyMatch(directory -> Files.isExecutable(directory.resolve("pg_restore")));
        if (dump && !restore) {
            return "pg_restore not found beside pg_dump";
        }
        if (restore && !dump) {
            return "pg_dump not found beside pg_restore";
        }
        return dump ? "pg_dump and pg_restore not found in one directory" : "pg_dump and pg_restore not found";
    }

    private static boolean hasBoth(Path directory) {
        return Files.isExecutable(directory.resolve("pg_dump")) && Files.isExecutable(directory.resolve("pg_restore"));
    }

    private static Process startVersion(Path tool) {
        try {
            Process process = new ProcessBuilder(tool.toString(), "--version").redirectErrorStream(true).start();
            process.getOutputStream().close();
            return process;
        } catch (IOException failure) {
            throw new PgToolsMissingException("cannot run " + tool + ": " + failure.getMessage(), failure);
        }
    }

    private static String versionLine(Path tool, Process process) {
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new PgToolsMissingException(tool + " --version failed: " + output);
            }
            return output.lines().findFirst().orElse("");
        } catch (IOException failure) {
            throw new PgToolsMissingException("cannot run " + tool + ": " + failure.getMessage(), failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new PgToolsMissingException("interrupted while asking " + tool + " for its version", interrupted);
        }
    }

    static int major(String versionLine, Path tool) {
        Matcher matcher = VERSION.matcher(versionLine);
        if (!matcher.find()) {
            throw new PgToolsMissingException("cannot read the version of " + tool + " from '" + versionLine + "'");
        }
        int first = Integer.parseInt(matcher.group(1));
        return first;
    }
}
