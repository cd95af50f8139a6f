package org.luvhive.core.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.luvhive.core.config.ConfigLoader;
import org.luvhive.core.config.LuvhiveConfig;
import org.luvhive.core.update.InboxStore;

/**
 * The embedded default: data kept across restarts, one server shared between processes,
 * a server log only its user can read and that never records a client's data.
 */
class EmbeddedPostgresServerTest {

    @TempDir
    Path home;

    private LuvhiveConfig config() {
        return new ConfigLoader(home).load(Map.of("LUVHIVE_HOME", home.resolve("luvhive").toString()));
    }

    @Test
    void dataSurvivesARestart() {
        DatabaseConnector connector = new DatabaseConnector(new SimpleMeterRegistry());
        try (Database database = connector.open(config(), "test")) {
            assertThat(database.embeddedServer()).get().satisfies(server -> assertThat(server.startedHere()).isTrue());
            database.migrate();
            database.jdbi().useHandle(handle -> handle.execute(
                    "insert into ops_settings (key, value, updated_by) values ('test.kept', 'yes', 'test')"));
        }

        try (Database database = connector.open(config(), "test")) {
            assertThat(database.url().database()).isEqualTo("luvhive");
            String kept = database.jdbi().withHandle(handle -> handle.createQuery(
                    "select value from ops_settings where key = 'test.kept'").mapTo(String.class).one());
            assertThat(kept).isEqualTo("yes");
        }
        assertThat(home.resolve("luvhive/pgdata/PG_VERSION")).content().startsWith("15");
    }

    @Test
    void secondProcessConnectsToTheRunningServerInsteadOfStartingAnother() throws Exception {
        Path dataDirectory = home.resolve("luvhive/pgdata");
        Process other = new ProcessBuilder(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"),
                EmbeddedServerProcess.class.getName(), dataDirectory.toString()))
                .redirectErrorStream(true)
                .start();
        try {
            BufferedReader output = new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
            String line;
            int otherPort = -1;
            while ((line = output.readLine()) != null) {
                if (line.startsWith("PORT ")) {
                    otherPort = Integer.parseInt(line.substring(5).strip());
                    break;
                }
            }
            assertThat(otherPort).as("the other process reported its server port").isPositive();

            try (EmbeddedPostgresServer attached = EmbeddedPostgresServer.startOrAttach(dataDirectory, "luvhive")) {
                assertThat(attached.startedHere()).isFalse();
                assertThat(attached.port()).isEqualTo(otherPort);
                var url = attached.databaseUrl("luvhive");
                try (Database database = Database.connect(url, PoolSettings.of(1, "test"), new SimpleMeterRegistry())) {
                    int answer = database.jdbi().withHandle(handle -> handle.createQuery("select 1").mapTo(Integer.class).one());
                    assertThat(answer).isEqualTo(1);
                }
            }
            assertThat(other.isAlive()).as("closing an attached server leaves the owner's running").isTrue();
        } finally {
            other.getOutputStream().close(); // tells the other process to stop its server
            assertThat(other.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void aDroppedDatabaseIsNeverSilentlyReplacedByAnEmptyOne() {
        DatabaseConnector connector = new DatabaseConnector(new SimpleMeterRegistry());
        try (Database first = connector.open(config(), "test")) {
            EmbeddedPostgresServer server = first.embeddedServer().orElseThrow();
            first.jdbi().useHandle(handle -> handle.execute("create database luvhive_admin"));
            try (Database admin = Database.connect(server.databaseUrl("luvhive_admin"), PoolSettings.of(1, "test"),
                    new SimpleMeterRegistry())) {
                admin.jdbi().useHandle(handle -> handle.execute("drop database luvhive with (force)"));
            }
            // an operator's `luvhive db info` attaching to the running server
            assertThatThrownBy(() -> connector.open(config(), "test").close())
                    .isInstanceOf(DatabaseMissingException.class)
                    .hasMessageStartingWith("database 'luvhive' does not exist on the embedded server")
                    .hasMessageContaining("RUNBOOK.md \"Complete database recovery\"");
        }
        // and after a restart of the server on the kept cluster
        assertThatThrownBy(() -> connector.open(config(), "test").close())
                .isInstanceOf(DatabaseMissingException.class)
                .hasMessageStartingWith("database 'luvhive' does not exist");
    }

    @Test
    void theServerLogIsPrivateAndRecordsNoStatementParametersOrPayloads() throws Exception {
        String marker = "Zephyrine-4711"; // a first name and a message nobody else would write
        String update = "{\"update_id\": 5150, \"message\": {\"message_id\": 1, \"date\": 1764410000, "
                + "\"chat\": {\"id\": 9, \"type\": \"private\"}, \"from\": {\"id\": 9, \"is_bot\": false, "
                + "\"first_name\": \"" + marker + "\"}, \"text\": \"meet me at " + marker + " \\u0000\"}}";
        try (Database database = new DatabaseConnector(new SimpleMeterRegistry()).open(config(), "test")) {
            database.migrate();
            // jsonb refuses \u0000: DETAIL and CONTEXT would quote the JSON, the statement its text
            assertThatThrownBy(() -> database.jdbi().useHandle(handle -> handle.createUpdate(
                    "insert into inbox (update_id, kind, payload, next_attempt_at, received_at) "
                            + "values (5150, 'message', cast(:payload as jsonb), now(), now())")
                    .bind("payload", update).execute()))
                    .as("what the bot would log of it: neither the driver's DETAIL/WHERE nor Jdbi's arguments")
                    .hasMessageContaining("unsupported Unicode escape sequence").hasMessageNotContaining(marker);
            List<ThrowingCallable> failures = List.of(
                    // the error message itself quotes a bad parameter
                    () -> database.jdbi().useHandle(handle -> handle.createQuery("select cast(:value as integer)")
                            .bind("value", marker).mapTo(Integer.class).one()),
                    // a literal in a statement that fails
                    () -> database.jdbi().useHandle(handle -> handle.execute(
                            "insert into no_such_table values ('" + marker + "')")));
            for (ThrowingCallable failure : failures) {
                assertThatThrownBy(failure).as("the statement fails").isInstanceOf(Exception.class);
            }
            InboxStore inbox = new InboxStore(database.jdbi(), new ObjectMapper(), Clock.systemUTC(),
                    new SimpleMeterRegistry(), () -> { });
            try {
                inbox.storeWebhookBody(update.getBytes(StandardCharsets.UTF_8)); // the bot's own path, stored or not
            } catch (RuntimeException refused) {
                // what matters here is what the server wrote down
            }
        }

        Path logs = home.resolve("luvhive/logs");
        Path serverLog = logs.resolve(EmbeddedPostgresServer.SERVER_LOG);
        String written = Files.readString(serverLog);
        assertThat(written).as("the server did log its own events").contains("database system is ready");
        assertThat(written).doesNotContain(marker).doesNotContain("STATEMENT").doesNotContain("DETAIL")
                .doesNotContain("CONTEXT").doesNotContain("no_such_table");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(serverLog))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(logs))).isEqualTo("rwx------");
    }
}
