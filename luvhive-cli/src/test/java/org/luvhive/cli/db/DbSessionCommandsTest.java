package org.luvhive.cli.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.luvhive.cli.CliRun;
import org.luvhive.core.config.DatabaseUrl;
import org.luvhive.core.db.InstanceName;
import org.luvhive.core.testing.PostgresExtension;
import org.luvhive.core.testing.TestDatabase;

/** {@code db queries}, {@code db cancel} and {@code db terminate} against a real {@code pg_sleep}. */
@ExtendWith(PostgresExtension.class)
class DbSessionCommandsTest {

    private static final String ROLE = "luvhive_sleeper";

    @TempDir
    Path home;

    private final TestDatabase database;

    DbSessionCommandsTest(TestDatabase database) {
        this.database = database;
    }

    @BeforeAll
    static void role(TestDatabase database) {
        Sleeper.ensureRole(database.jdbi(), ROLE);
    }

    private Sleeper sleeper(String applicationName) throws Exception {
        return Sleeper.connect(database.url(), ROLE, applicationName, database.jdbi());
    }

    private CliRun luvhive(String... args) {
        return CliRun.run(database.environment(), home, args);
    }

    @Test
    void aLongQueryIsFoundCancelledAndItsSessionStays() throws Exception {
        try (Sleeper sleeper = sleeper("report-job")) {
            int pid = sleeper.sleep(60);

            CliRun queries = luvhive("db", "queries", "--longer-than", "0s");
            CliRun json = luvhive("db", "queries", "--json");
            CliRun none = luvhive("db", "queries", "--longer-than", "10m");

            assertThat(queries.exitCode()).as(queries.err()).isZero();
            assertThat(queries.out()).containsPattern(pid + " +\\d+\\.\\ds +\\S+ +active +Timeout:PgSleep +report-job +"
                    + database.name() + " +select pg_sleep\\(60\\)");
            JsonNode row = new ObjectMapper().readTree(json.out()).at("/queries/0");
            assertThat(row.get("pid").asInt()).isEqualTo(pid);
            assertThat(row.get("user").asText()).isEqualTo(ROLE);
            assertThat(row.get("wait_event").asText()).isEqualTo("PgSleep");
            assertThat(row.get("query").asText()).isEqualTo("select pg_sleep(60)");
            assertThat(row.get("running_s").asDouble()).isPositive();
            assertThat(none.out()).contains("No statement or transaction is 10m old or older.");

            CliRun cancel = luvhive("db", "cancel", Integer.toString(pid));

            assertThat(cancel.exitCode()).as(cancel.err()).isZero();
            assertThat(cancel.out()).startsWith("Cancelled the statement of pid " + pid + " (report-job, user " + ROLE
                            + ", database " + database.name() + "), running for ")
                    .contains(": select pg_sleep(60)")
                    .contains("It has stopped; the session stays connected.");
            assertThatThrownBy(() -> sleeper.running().get(5, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).hasMessageContaining("canceling statement due to user request");
            assertThat(sleeper.alive()).isTrue();
        }
    }

    @Test
    void aTerminatedSessionEndsAndTheJsonSaysWhatItWas() throws Exception {
        try (Sleeper sleeper = sleeper("stuck-worker")) {
            int pid = sleeper.sleep(60);

            CliRun terminate = luvhive("db", "terminate", Integer.toString(pid), "--json");

            assertThat(terminate.exitCode()).as(terminate.err()).isZero();
            JsonNode document = new ObjectMapper().readTree(terminate.out());
            assertThat(document.get("action").asText()).isEqualTo("terminate");
            assertThat(document.get("pid").asInt()).isEqualTo(pid);
            assertThat(document.get("application").asText()).isEqualTo("stuck-worker");
            assertThat(document.get("query").asText()).isEqualTo("select pg_sleep(60)");
            assertThat(document.get("ended").asBoolean()).isTrue();
            assertThatThrownBy(() -> sleeper.running().get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
            assertThat(sleeper.alive()).isFalse();
            assertThat(sessions(pid)).isZero();
        }
    }

    @Test
    void refusesWhatItMustNotStopAndSaysWhy() throws Exception {
        CliRun missing = luvhive("db", "cancel", "999999");
        assertThat(missing.exitCode()).isEqualTo(30);
        assertThat(missing.err()).contains("no session with pid 999999 on this server");

        try (Sleeper idle = sleeper("idle-client")) {
            CliRun nothing = luvhive("db", "cancel", Integer.toString(idle.pid()));
            assertThat(nothing.exitCode()).isEqualTo(31);
            assertThat(nothing.err()).contains("it is idle, so there is no statement to cancel; "
                    + "'luvhive db terminate " + idle.pid() + "' ends the session");
        }

        try (Sleeper superuser = Sleeper.connect(database.url(), database.url().user(), "admin-job", database.jdbi())) {
            int pid = superuser.sleep(60);
            CliRun refused = luvhive("db", "terminate", Integer.toString(pid));
            assertThat(refused.exitCode()).isEqualTo(31);
            assertThat(refused.err()).contains("refusing to terminate pid " + pid + " (admin-job")
                    .contains("it is a superuser's session (--force to do it anyway)");
            assertThat(sessions(pid)).isOne();

            CliRun forced = luvhive("db", "cancel", Integer.toString(pid), "--force");
            assertThat(forced.exitCode()).as(forced.err()).isZero();
        }

        try (Sleeper own = sleeper("luvhive-cli " + InstanceName.ofThisProcess())) {
            int pid = own.sleep(60);
            CliRun refused = luvhive("db", "cancel", Integer.toString(pid), "--force");
            assertThat(refused.exitCode()).isEqualTo(31);
            assertThat(refused.err()).contains("it is this luvhive command's own session");
            own.running().cancel(true);
        }
    }

    @Test
    void anotherDatabasesSessionNeedsForce() throws Exception {
        DatabaseUrl other = database.server().createEmptyDatabase("luvhive_other");
        try (Sleeper elsewhere = Sleeper.connect(other, ROLE, "other-app", database.jdbi())) {
            int pid = elsewhere.sleep(60);

            CliRun refused = luvhive("db", "cancel", Integer.toString(pid));
            CliRun forced = luvhive("db", "cancel", Integer.toString(pid), "--force");

            assertThat(refused.exitCode()).isEqualTo(31);
            assertThat(refused.err()).contains("it is in database " + other.database() + ", not " + database.name()
                    + " (--force to do it anyway)");
            assertThat(forced.exitCode()).as(forced.err()).isZero();
            assertThat(forced.out()).contains("database " + other.database());
        } finally {
            database.server().dropDatabase(other.database());
        }
    }

    @Test
    void theServersOwnRefusalIsPassedOn() throws Exception {
        String limited = "luvhive_limited";
        Sleeper.ensureRole(database.jdbi(), limited);
        try (Sleeper sleeper = sleeper("someone-else")) {
            int pid = sleeper.sleep(60);
            DatabaseUrl url = database.url();
            String asLimited = "postgresql://" + limited + "@" + url.host() + ":" + url.port() + "/" + url.database();

            CliRun denied = CliRun.run(Map.of("DATABASE_URL", asLimited), home, "db", "cancel", Integer.toString(pid));

            assertThat(denied.exitCode()).as(denied.err()).isEqualTo(31);
            assertThat(denied.err()).contains("the server does not let this role signal pid " + pid)
                    .contains("must be a member of the role whose query is being canceled");
            assertThat(sessions(pid)).isOne();
        }
    }

    private int sessions(int pid) {
        return database.jdbi().withHandle(handle -> handle.createQuery(
                "select count(*) from pg_stat_activity where pid = :pid").bind("pid", pid).mapTo(Integer.class).one());
    }
}
