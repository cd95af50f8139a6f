package org.luvhive.cli.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.luvhive.cli.CliRun;
import org.luvhive.core.backup.internal.ManifestSeal;
import org.luvhive.core.backup.internal.PgToolsLocator;
import org.luvhive.core.config.DatabaseUrl;
import org.luvhive.core.testing.TestDatabase;

/** A test database with realistic data, and runs of {@code luvhive backup} against it. */
final class BackupFixture {

    static final String PASSWORD = "s3cr3t-backup-pw";

    private final TestDatabase database;
    private final Path home;

    BackupFixture(TestDatabase database, Path home) {
        this.database = database;
        this.home = home;
    }

    /** A few tables with thousands of rows (the real domain tables come in later migrations). */
    static void seed(Jdbi jdbi) {
        jdbi.useHandle(handle -> {
            handle.execute("create table if not exists people (id bigint primary key, nickname text not null, "
                    + "age int, bio text, joined timestamptz not null, tags text[])");
            handle.execute("create table if not exists messages (id bigint primary key, person bigint not null "
                    + "references people(id), body text not null, meta jsonb, photo bytea)");
            handle.execute("insert into people select g, 'user_' || g, 18 + g % 50, "
                    + "repeat('likes tea ', g % 5) || md5(g::text), timestamptz '2024-01-01' + g * interval '1 minute', "
                    + "array['a' || g % 7, 'b' || g % 3] from generate_series(1, 3000) g on conflict do nothing");
            handle.execute("insert into messages select g, 1 + g % 3000, 'hello ' || md5(g::text) || ' ''quoted'' ', "
                    + "jsonb_build_object('n', g, 'k', g % 11), decode(md5(g::text), 'hex') "
                    + "from generate_series(1, 12000) g on conflict do nothing");
        });
    }

    /** The environment of a run: this database with a password in its URL, LUVHIVE_HOME in the temp dir. */
    Map<String, String> environment() {
        DatabaseUrl url = database.url();
        Map<String, String> environment = new HashMap<>();
        environment.put("DATABASE_URL", "postgresql://" + url.user() + ":" + PASSWORD + "@" + url.host() + ":"
                + url.port() + "/" + url.database());
        environment.put("LUVHIVE_HOME", home.toString());
        return environment;
    }

    CliRun run(Clock clock, String... args) {
        return CliRun.run(environment(), home, clock, args);
    }

    CliRun run(String... args) {
        return run(Clock.systemUTC(), args);
    }

    /**
     * The directory of the real pg_dump and pg_restore for this database's server, found as
     * backup create finds them ({@code LUVHIVE_PG_BIN}, Debian's directory for the server's
     * major version, {@code PATH}), for tests that put wrappers around them.
     */
    Path realPgBin() {
        int major = database.jdbi().withHandle(handle -> handle.createQuery(
                "select current_setting('server_version_num')::int / 10000").mapTo(Integer.class).one());
        return new PgToolsLocator(System.getenv()).locate(major).pgDump().getParent();
    }

    Path backupDirectory() {
        return home.resolve("backups");
    }

    Path logFile() {
        return home.resolve("logs").resolve("backup.log");
    }

    JsonNode manifest(String name) {
        try {
            return new ObjectMapper().readTree(backupDirectory().resolve(name + ".manifest.json").toFile());
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    /** The manifest of {@code name} as a JSON tree. */
    ObjectNode manifestTree(String name) {
        return (ObjectNode) manifest(name);
    }

    /**
     * Changes the manifest of {@code name} and seals it again, as a luvhive that wrote it so
     * would have: what only luvhive's other checks, not the checksum, can refuse.
     */
    void rewriteManifest(String name, Consumer<ObjectNode> change) {
        ObjectNode tree = manifestTree(name);
        change.accept(tree);
        ManifestSeal.seal(tree);
        writeManifest(name, tree);
    }

    /** Changes the manifest of {@code name} as a person or a tool would: its checksum stays as it was. */
    void editManifest(String name, Consumer<ObjectNode> change) {
        ObjectNode tree = manifestTree(name);
        change.accept(tree);
        writeManifest(name, tree);
    }

    private void writeManifest(String name, ObjectNode tree) {
        try {
            Files.writeString(backupDirectory().resolve(name + ".manifest.json"), tree.toPrettyString());
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    /** Creates a backup and returns its name. */
    String create(Clock clock, String... options) {
        String[] args = Stream.concat(Stream.of("backup", "create", "--json"), Stream.of(options)).toArray(String[]::new);
        CliRun run = run(clock, args);
        if (run.exitCode() != 0) {
            throw new AssertionError("backup create failed (" + run.exitCode() + "): " + run.err());
        }
        try {
            return new ObjectMapper().readTree(run.out()).get("name").asText();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    /** Each public table's row count and an md5 over its rows in key order: equal fingerprints, equal contents. */
    static Map<String, String> fingerprint(Jdbi jdbi) {
        return jdbi.withHandle(handle -> {
            Map<String, String> result = new LinkedHashMap<>();
            List<String> tables = handle.createQuery("select tablename from pg_tables where schemaname = 'public' "
                    + "and tablename <> 'flyway_schema_history' order by 1").mapTo(String.class).list();
            for (String table : tables) {
                result.put(table, handle.createQuery("select count(*) || ':' || coalesce(md5(string_agg(t::text, '|' "
                        + "order by t::text)), '') from \"" + table + "\" t").mapTo(String.class).one());
            }
            return result;
        });
    }

    /** Every file under the home directory (backups, manifests, logs) as text, to search for secrets. */
    String everythingWritten() {
        try (Stream<Path> files = Files.walk(home)) {
            StringBuilder text = new StringBuilder();
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)
                    .filter(file -> !file.startsWith(home.resolve("pgdata")))::iterator) {
                text.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            }
            return text.toString();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
