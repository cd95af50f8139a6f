package org.luvhive.cli.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.luvhive.cli.CliRun;
import org.luvhive.core.dbops.DatabaseOps;
import org.luvhive.core.testing.PostgresExtension;
import org.luvhive.core.testing.TestDatabase;

/** {@code luvhive db slow} from pg_stat_statements and, without it, from the bots' timings; {@code db indexes}. */
@ExtendWith(PostgresExtension.class)
class DbSlowAndIndexesTest {

    @TempDir
    Path home;

    private final TestDatabase database;

    DbSlowAndIndexesTest(TestDatabase database) {
        this.database = database;
    }

    private void probeTable(String name, int rows) {
        database.jdbi().useHandle(handle -> {
            handle.execute("drop table if exists " + name);
            handle.execute("create table " + name + " (v integer, w integer)");
            handle.execute("insert into " + name + " select id % 100, id from generate_series(1, ?) as id", rows);
        });
    }

    /** Scans on one session, whose statistics reach the server when it goes idle (not up to 10 s later). */
    private void scan(String table, int times) {
        database.jdbi().useHandle(handle -> {
            for (int time = 0; time < times; time++) {
                handle.createQuery("select count(*) from " + table + " where v = :v").bind("v", 5).mapTo(Long.class).one();
            }
            handle.execute("select pg_stat_force_next_flush()");
        });
    }

    @Test
    void slowReadsPgStatStatementsThenFallsBackToTheBotsTimingsWithHowToEnableIt() throws Exception {
        probeTable("slow_probe", 20_000);
        scan("slow_probe", 30);

        CliRun fromServer = CliRun.run(database.environment(), home, "db", "slow", "--top", "50", "--json");

        assertThat(fromServer.exitCode()).as(fromServer.err()).isZero();
        JsonNode document = new ObjectMapper().readTree(fromServer.out());
        assertThat(document.get("source").asText()).isEqualTo("pg_stat_statements");
        JsonNode probe = statement(document, "select count(*) from slow_probe where v = $1");
        assertThat(probe.get("calls").asLong()).isEqualTo(30);
        assertThat(probe.get("rows").asLong()).isEqualTo(30);
        assertThat(probe.get("total_ms").asDouble()).isPositive();

        database.jdbi().useHandle(handle -> handle.execute("drop extension pg_stat_statements"));
        try {
            DatabaseOps ops = new DatabaseOps(database.database(), Clock.systemUTC(), "bot-s",
                    DatabaseOps.Settings.defaults());
            ops.close(); // stores this process's statement timings, as a stopping bot does

            CliRun text = CliRun.run(database.environment(), home, "db", "slow", "--top", "500");
            CliRun json = CliRun.run(database.environment(), home, "db", "slow", "--top", "500", "--json");

            assertThat(text.exitCode()).as(text.err()).isZero();
            assertThat(text.out()).startsWith("No pg_stat_statements: pg_stat_statements is not installed in this "
                            + "database. To enable it: add pg_stat_statements to shared_preload_libraries")
                    .contains("from bot timings (each running bot since it started)")
                    .containsPattern("ms +30 +\\S+ ms +\\S+ ms +-  select count\\(\\*\\) from slow_probe where v = :v");
            JsonNode fallback = new ObjectMapper().readTree(json.out());
            assertThat(fallback.get("source").asText()).isEqualTo("bot_timings");
            assertThat(fallback.get("pg_stat_statements_missing").asText()).contains("CREATE EXTENSION pg_stat_statements");
            JsonNode timed = statement(fallback, "select count(*) from slow_probe where v = :v");
            assertThat(timed.get("calls").asLong()).isEqualTo(30);
            assertThat(timed.get("rows").isNull()).isTrue();
        } finally {
            database.jdbi().useHandle(handle -> handle.execute("create extension pg_stat_statements"));
        }
    }

    @Test
    void indexesShowBigSequentialScansUnusedAndInvalidIndexes() throws Exception {
        probeTable("scan_probe", 20_000);
        database.jdbi().useHandle(handle -> {
            handle.execute("create index scan_probe_w on scan_probe (w)");
            handle.execute("drop table if exists dup_probe");
            handle.execute("create table dup_probe (x integer)");
            handle.execute("insert into dup_probe values (1), (1)");
        });
        try {
            database.jdbi().useHandle(handle -> handle.execute("create unique index concurrently dup_probe_x on dup_probe (x)"));
        } catch (RuntimeException duplicate) {
            // expected: the failed concurrent build leaves an invalid index behind
        }
        scan("scan_probe", 60);

        await().atMost(Duration.ofSeconds(30)).until(() -> CliRun.run(database.environment(), home, "db", "indexes")
                .out().contains("seq scans of 20000 rows"));
        CliRun text = CliRun.run(database.environment(), home, "db", "indexes");
        CliRun json = CliRun.run(database.environment(), home, "db", "indexes", "--min-rows", "100000", "--json");

        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out()).containsPattern("scan_probe +6\\d seq scans of 20000 rows each on average, 0 index scans")
                .containsPattern("scan_probe_w +on scan_probe +\\d+\\.\\d KiB")
                .containsPattern("Invalid indexes \\(drop and create again\\)\n  dup_probe_x +on dup_probe");
        JsonNode document = new ObjectMapper().readTree(json.out());
        assertThat(document.get("seq_scanned_tables")).as("no table reads 100000 rows a scan").isEmpty();
        assertThat(names(document.get("unused_indexes"), "index")).contains("scan_probe_w").doesNotContain("dup_probe_x");
        assertThat(names(document.get("invalid_indexes"), "index")).containsExactly("dup_probe_x");
    }

    private static JsonNode statement(JsonNode document, String query) {
        return StreamSupport.stream(document.get("statements").spliterator(), false)
                .filter(row -> row.get("query").asText().equals(query)).findFirst()
                .orElseThrow(() -> new AssertionError(query + " not in " + document));
    }

    private static java.util.List<String> names(JsonNode rows, String field) {
        return StreamSupport.stream(rows.spliterator(), false).map(row -> row.get(field).asText()).toList();
    }
}
