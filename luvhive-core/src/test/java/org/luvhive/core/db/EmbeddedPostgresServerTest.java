package org.luvhive.core.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.luvhive.core.config.ConfigLoader;
import org.luvhive.core.config.LuvhiveConfig;

/** The embedded default: data kept across restarts, one server shared between processes. */
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

            try (EmbeddedPostgresServer attached = EmbeddedPostgresServer.startOrAttach(dataDirectory)) {
                assertThat(attached.startedHere()).isFalse();
                assertThat(attached.port()).isEqualTo(otherPort);
                var url = attached.ensureDatabase("luvhive");
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
}
