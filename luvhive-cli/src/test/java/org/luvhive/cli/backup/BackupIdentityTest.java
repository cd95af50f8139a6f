package org.luvhive.cli.backup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.luvhive.cli.CliRun;
import org.luvhive.core.config.DatabaseUrl;
import org.luvhive.core.db.Database;
import org.luvhive.core.db.PoolSettings;
import org.luvhive.core.testing.ManualClock;
import org.luvhive.core.testing.PostgresExtension;
import org.luvhive.core.testing.TestDatabase;
import org.luvhive.core.testing.TestPostgresServer;

/**
 * Backups know which database they are of (#18): a backup directory shared with another
 * database, an edited manifest, a manifest written before identities, and a database
 * dropped and created again under the same name. All against the real server: this class's
 * database ("this database") and others created beside it on the same server.
 */
@ExtendWith(PostgresExtension.class)
class BackupIdentityTest {

    private final Path home;
    private final TestDatabase database;
    private final TestPostgresServer server;
    private final BackupFixture fixture;
    private final ManualClock clock = ManualClock.at("2025-03-01T03:00:00Z");
    private final List<String> createdDatabases = new ArrayList<>();

    BackupIdentityTest(TestDatabase database, TestPostgresServer server, @TempDir Path home) {
        this.database = database;
        this.server = server;
        this.home = home;
        this.fixture = new BackupFixture(database, home);
    }

    @BeforeAll
    static void seed(TestDatabase database) {
        BackupFixture.seed(database.jdbi());
    }

    @AfterEach
    void dropCreatedDatabases() {
        createdDatabases.forEach(server::dropDatabase);
    }

    @Test
    void anotherDatabasesSetsAreNamedButIgnoredByListCheckRestoreLatestAndPrune() throws Exception {
        String older = fixture.create(clock);
        String ours = createAfter(Duration.ofHours(1));
        DatabaseUrl other = otherDatabase();
        String theirs = createAfter(Duration.ofHours(24), other); // newer than ours, in the same directory
        clock.advance(Duration.ofHours(2)); // ours is 26 h old, theirs 2 h

        CliRun list = fixture.run(clock, "backup", "list", "--json");
        assertThat(names(list)).containsExactly(ours, older);
        assertThat(list.err()).contains("1 set(s) of other databases not listed, newest " + theirs + " of "
                + other.database() + "@").contains("--all-databases");
        assertThat(json(list).get(0).get("database_match").asText()).isEqualTo("same");

        CliRun check = fixture.run(clock, "backup", "check", "--max-age", "25h", "--json");
        assertThat(check.exitCode()).as("ours is too old; theirs must not make it look fresh").isEqualTo(2);
        assertThat(json(check).get("backup").asText()).isEqualTo(ours);
        assertThat(json(check).get("line").asText()).contains("older than 1d 1h")
                .contains("ignored 1 set(s) of other databases, newest " + theirs);
        assertThat(json(check).get("other_databases").asInt()).isEqualTo(1);

        String target = newDatabaseName("restored");
        CliRun restore = fixture.run(clock, "backup", "restore", "--latest", "--target", target, "--json");
        assertThat(restore.exitCode()).as(restore.err()).isZero();
        assertThat(json(restore).get("backup").asText()).isEqualTo(ours);
        assertThat(json(restore).get("database_match").asText()).isEqualTo("same");
        assertThat(fingerprint(database.url().withDatabase(target))).isEqualTo(BackupFixture.fingerprint(database.jdbi()));

        CliRun prune = fixture.run(clock, "backup", "prune", "--keep-last", "1", "--apply");
        assertThat(prune.exitCode()).as(prune.err()).isZero();
        assertThat(prune.out()).contains("keep    " + theirs + "  (another database's: " + other.database() + "@")
                .contains("1 of other databases left alone");
        assertThat(setsOnDisk()).containsExactlyInAnyOrder(ours, theirs);
    }

    @Test
    void withAllDatabasesEverySetCountsAndSaysWhoseItIs() throws Exception {
        String ours = fixture.create(clock);
        String oursToo = createAfter(Duration.ofHours(1));
        String theirs = createAfter(Duration.ofHours(1), otherDatabase());
        DatabaseUrl other = database.url().withDatabase(fixture.manifest(theirs).get("database").asText());
        clock.advance(Duration.ofHours(1));

        CliRun list = fixture.run(clock, "backup", "list", "--all-databases");
        assertThat(list.out()).containsPattern(theirs + " .* ok +OTHER ").containsPattern(oursToo + " .* ok +this ");
        assertThat(list.err()).contains(theirs + " is a backup of another database: " + other.database() + "@");
        JsonNode listed = json(fixture.run(clock, "backup", "list", "--all-databases", "--json"));
        assertThat(listed.get(0).get("name").asText()).isEqualTo(theirs);
        assertThat(listed.get(0).get("database_match").asText()).isEqualTo("foreign");
        assertThat(listed.get(0).get("database").asText()).isEqualTo(other.database());

        JsonNode check = json(fixture.run(clock, "backup", "check", "--all-databases", "--json"));
        assertThat(check.get("backup").asText()).isEqualTo(theirs);
        assertThat(check.get("database_match").asText()).isEqualTo("foreign");

        String target = newDatabaseName("theirs");
        CliRun restore = fixture.run(clock, "backup", "restore", "--latest", "--all-databases", "--target", target);
        assertThat(restore.exitCode()).as(restore.err()).isZero();
        assertThat(restore.out()).contains("Restored " + theirs + " (of another database: " + other.database() + "@");
        assertThat(fingerprint(database.url().withDatabase(target))).isEqualTo(fingerprint(other));

        CliRun verify = fixture.run(clock, "backup", "verify", theirs, "--json");
        assertThat(verify.exitCode()).as(verify.err()).isZero();
        assertThat(json(verify).get("database_match").asText()).isEqualTo("foreign");

        CliRun prune = fixture.run(clock, "backup", "prune", "--keep-last", "1", "--all-databases", "--apply");
        assertThat(prune.exitCode()).as(prune.err()).isZero();
        assertThat(setsOnDisk()).as("each database keeps its own newest").containsExactlyInAnyOrder(oursToo, theirs);
        assertThat(ours).isNotIn(setsOnDisk());
    }

    @Test
    void anEditedManifestIsNamedEditedAndNeverActedOnWhileAReformattedOneIsFine() throws Exception {
        String renamed = fixture.create(clock);
        clock.advance(Duration.ofHours(1));
        String moved = fixture.create(clock);
        clock.advance(Duration.ofHours(1));
        String reformatted = fixture.create(clock);
        fixture.editManifest(renamed, manifest -> manifest.put("database", "somewhere_else"));
        fixture.editManifest(moved, manifest -> manifest.put("server", "db.example:5432"));
        Path reformattedFile = fixture.backupDirectory().resolve(reformatted + ".manifest.json");
        Files.writeString(reformattedFile, reversed(fixture.manifestTree(reformatted)).toString()); // compact, keys reversed
        clock.advance(Duration.ofMinutes(10));

        JsonNode listed = json(fixture.run(clock, "backup", "list", "--json"));
        assertThat(listed).extracting(row -> row.get("name").asText() + " " + row.get("state").asText())
                .containsExactly(reformatted + " ok", moved + " edited", renamed + " edited");
        assertThat(listed.get(1).get("reason").asText()).contains("manifest_sha256 does not match");

        fixture.editManifest(reformatted, manifest -> manifest.put("size_bytes", manifest.get("size_bytes").asLong()));
        assertThat(json(fixture.run(clock, "backup", "list", "--json")).get(0).get("state").asText())
                .as("the same values written again: no edit").isEqualTo("ok");
        fixture.editManifest(reformatted, manifest -> manifest.put("luvhive_version", "0.0.1"));
        CliRun check = fixture.run(clock, "backup", "check");
        assertThat(check.exitCode()).as(check.out()).isEqualTo(2);
        assertThat(check.out()).startsWith("BACKUP CRITICAL - newest " + reformatted + " is EDITED");

        for (String edited : List.of(renamed, moved)) {
            CliRun verify = fixture.run(clock, "backup", "verify", edited);
            assertThat(verify.exitCode()).as(verify.err()).isEqualTo(12);
            assertThat(verify.err()).contains("backup " + edited + " is edited").contains("does not act on it");
            CliRun restore = fixture.run(clock, "backup", "restore", edited, "--target", newDatabaseName("edited"));
            assertThat(restore.exitCode()).as(restore.err()).isEqualTo(12);
        }
        assertThat(fixture.manifest(renamed).get("verification").get("state").asText())
                .as("a refused verify does not seal the edit by recording itself").isEqualTo("unverified");
        CliRun prune = fixture.run(clock, "backup", "prune", "--keep-last", "1", "--apply");
        assertThat(prune.out()).contains("BROKEN, left for you to inspect: edited");
        assertThat(setsOnDisk()).contains(renamed, moved);
    }

    @Test
    void aManifestWrittenBeforeIdentitiesIsMatchedByDatabaseNameAndServer() throws Exception {
        String old = fixture.create(clock);
        asWrittenBeforeIdentities(old);
        clock.advance(Duration.ofHours(1));
        String elsewhere = fixture.create(clock);
        asWrittenBeforeIdentities(elsewhere);
        fixture.editManifest(elsewhere, manifest -> manifest.put("database", "another_bot"));
        clock.advance(Duration.ofMinutes(10));

        CliRun list = fixture.run(clock, "backup", "list");
        assertThat(list.out()).containsPattern(old + " .* ok +by-name ").doesNotContain(elsewhere);
        assertThat(list.err()).contains("1 set(s) matched by database name and server, their identity unknown")
                .contains("1 set(s) of other databases not listed, newest " + elsewhere + " of another_bot@");

        CliRun check = fixture.run(clock, "backup", "check", "--verify-grace", "1d");
        assertThat(check.exitCode()).as(check.out()).isZero();
        assertThat(check.out()).startsWith("BACKUP OK - newest " + old)
                .contains("identity unknown (matched by database name and server)");

        CliRun verify = fixture.run(clock, "backup", "verify", "--latest", "--json");
        assertThat(verify.exitCode()).as(verify.err()).isZero();
        assertThat(json(verify).get("backup").asText()).isEqualTo(old);
        assertThat(json(verify).get("database_match").asText()).isEqualTo("identity-unknown");
        assertThat(fixture.manifest(old).has("manifest_sha256")).as("luvhive sealed it when it recorded the verify")
                .isTrue();
        assertThat(json(fixture.run(clock, "backup", "list", "--json")).get(0).get("state").asText()).isEqualTo("ok");

        String target = newDatabaseName("old");
        CliRun restore = fixture.run(clock, "backup", "restore", "--latest", "--target", target);
        assertThat(restore.exitCode()).as(restore.err()).isZero();
        assertThat(restore.out()).contains("Restored " + old + " (identity unknown");
    }

    @Test
    void withoutAConnectionCheckKnowsThisDatabaseFromTheLastCreateElseByNameAndServer() throws Exception {
        String name = fixture.create(clock);
        clock.advance(Duration.ofMinutes(5));
        assertThat(fixture.backupDirectory().resolve(".luvhive-identities.json")).exists();
        assertThat(json(fixture.run(clock, "backup", "check", "--json")).get("database_match").asText())
                .isEqualTo("same");

        Files.delete(fixture.backupDirectory().resolve(".luvhive-identities.json"));
        JsonNode byName = json(fixture.run(clock, "backup", "check", "--json"));
        assertThat(byName.get("status").asText()).isEqualTo("OK");
        assertThat(byName.get("database_match").asText()).isEqualTo("identity-unknown");

        // the configured server is down (nothing listens there): check still answers, from the directory alone
        Map<String, String> down = environmentFor(new DatabaseUrl("127.0.0.1", closedPort(), database.url().database(),
                database.url().user(), database.url().password(), Map.of()));
        CliRun downCheck = CliRun.run(down, home, clock, "backup", "check");
        assertThat(downCheck.exitCode()).as(downCheck.out()).isEqualTo(2);
        assertThat(downCheck.out()).startsWith("BACKUP CRITICAL - no complete backup of " + database.url().database()
                + "@127.0.0.1:").contains("ignored 1 set(s) of other databases, newest " + name);
    }

    @Test
    void aDatabaseDroppedAndCreatedAgainUnderItsNameIsAnotherDatabase() throws Exception {
        DatabaseUrl again = otherDatabase();
        String before = create(again);
        server.dropDatabase(again.database());
        createDatabase(again.database(), "create table fresh (id int primary key); insert into fresh values (1)");
        clock.advance(Duration.ofHours(1));
        String after = create(again);
        clock.advance(Duration.ofMinutes(5));

        CliRun list = CliRun.run(environmentFor(again), home, clock, "backup", "list", "--json");
        assertThat(names(list)).containsExactly(after);
        assertThat(list.err()).contains("1 set(s) of other databases not listed, newest " + before);
        CliRun verify = CliRun.run(environmentFor(again), home, clock, "backup", "verify", before);
        assertThat(verify.out()).contains("Backup " + before + " (of another database: " + again.database() + "@");
    }

    @Test
    void afterALossTheRestoreCallsTheBackupTheMissingDatabasesOwnNotAnothers() throws Exception {
        DatabaseUrl lost = otherDatabase();
        String backup = create(lost);
        server.dropDatabase(lost.database());
        clock.advance(Duration.ofMinutes(5));

        String target = newDatabaseName("recovered");
        CliRun restore = CliRun.run(environmentFor(lost), home, clock, "restore", "--latest", "--target", target);
        assertThat(restore.exitCode()).as(restore.err()).isZero();
        assertThat(restore.out()).startsWith("Restored " + backup + " (of the configured database '" + lost.database()
                + "', missing now) into database '" + target + "'").doesNotContain("another database");

        String again = newDatabaseName("again");
        CliRun json = CliRun.run(environmentFor(lost), home, clock, "restore", backup, "--target", again, "--json");
        assertThat(json.exitCode()).as(json.err()).isZero();
        assertThat(json(json).get("database_match").asText()).isEqualTo("same");
        assertThat(json(json).get("configured_database_missing").asBoolean()).isTrue();
    }

    // --- helpers ---

    /** A second database on the same server, with contents of its own. */
    private DatabaseUrl otherDatabase() {
        String name = newDatabaseName("other");
        createDatabase(name, "create table only_here (id int primary key, note text); "
                + "insert into only_here select g, 'row ' || g from generate_series(1, 50) g");
        return database.url().withDatabase(name);
    }

    private void createDatabase(String name, String contents) {
        Jdbi.create(server.maintenanceUrl().jdbcUrl(), server.maintenanceUrl().user(), "")
                .useHandle(handle -> handle.execute("create database " + name));
        createdDatabases.add(name);
        Jdbi.create(server.maintenanceUrl().withDatabase(name).jdbcUrl(), server.maintenanceUrl().user(), "")
                .useHandle(handle -> handle.createScript(contents).execute());
    }

    private String newDatabaseName(String purpose) {
        String name = "identity_" + purpose + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        createdDatabases.add(name); // whatever creates it, it is dropped after the test
        return name;
    }

    /** A backup of this database {@code gap} after the previous one. */
    private String createAfter(Duration gap) {
        clock.advance(gap);
        return fixture.create(clock);
    }

    /** A backup of {@code url} {@code gap} after the previous one. */
    private String createAfter(Duration gap, DatabaseUrl url) throws IOException {
        clock.advance(gap);
        return create(url);
    }

    /** Creates a backup of {@code url} into this test's backup directory, returns its name. */
    private String create(DatabaseUrl url) throws IOException {
        CliRun run = CliRun.run(environmentFor(url), home, clock, "backup", "create", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        return new ObjectMapper().readTree(run.out()).get("name").asText();
    }

    private Map<String, String> environmentFor(DatabaseUrl url) {
        Map<String, String> environment = new HashMap<>(fixture.environment());
        environment.put("DATABASE_URL", "postgresql://" + url.user() + ":" + BackupFixture.PASSWORD + "@" + url.host()
                + ":" + url.port() + "/" + url.database());
        return environment;
    }

    /** As a luvhive before format version 2 wrote it: no identity, no checksum. */
    private void asWrittenBeforeIdentities(String name) {
        fixture.editManifest(name, manifest -> {
            manifest.put("format_version", 1);
            manifest.remove(List.of("system_identifier", "database_oid", "manifest_sha256"));
        });
    }

    private Map<String, String> fingerprint(DatabaseUrl url) {
        try (Database opened = Database.connect(url, PoolSettings.of(1, "test"), new SimpleMeterRegistry())) {
            return BackupFixture.fingerprint(opened.jdbi());
        }
    }

    private List<String> setsOnDisk() throws IOException {
        try (var files = Files.list(fixture.backupDirectory())) {
            return files.map(path -> path.getFileName().toString()).filter(file -> file.endsWith(".manifest.json"))
                    .map(file -> file.substring(0, file.length() - ".manifest.json".length())).toList();
        }
    }

    private static List<String> names(CliRun list) {
        List<String> names = new ArrayList<>();
        json(list).forEach(row -> names.add(row.get("name").asText()));
        return names;
    }

    private static JsonNode json(CliRun run) {
        try {
            return new ObjectMapper().readTree(run.out());
        } catch (IOException failure) {
            throw new UncheckedIOException("not JSON: " + run.out() + run.err(), failure);
        }
    }

    /** The same object with its keys in reverse order (nested objects too). */
    private static ObjectNode reversed(ObjectNode node) {
        List<String> keys = new ArrayList<>();
        for (Iterator<String> each = node.fieldNames(); each.hasNext(); ) {
            keys.add(0, each.next());
        }
        ObjectNode result = node.objectNode();
        keys.forEach(key -> result.set(key, node.get(key).isObject() ? reversed((ObjectNode) node.get(key))
                : node.get(key)));
        return result;
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
