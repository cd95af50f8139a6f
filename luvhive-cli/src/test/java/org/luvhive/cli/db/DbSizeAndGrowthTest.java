package org.luvhive.cli.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.luvhive.cli.CliRun;
import org.luvhive.core.Maintenance;
import org.luvhive.core.dbops.DatabaseOps;
import org.luvhive.core.testing.ManualClock;
import org.luvhive.core.testing.PostgresExtension;
import org.luvhive.core.testing.TestDatabase;

/** {@code luvhive db size} and {@code db growth} over a size history sampled daily on a manual clock. */
@ExtendWith(PostgresExtension.class)
class DbSizeAndGrowthTest {

    @TempDir
    Path home;

    private final TestDatabase database;
    private final ManualClock clock = ManualClock.at("2026-03-01T03:00:00Z");

    DbSizeAndGrowthTest(TestDatabase database) {
        this.database = database;
    }

    @BeforeEach
    void fresh() {
        database.jdbi().useHandle(handle -> {
            handle.execute("drop table if exists filler");
            handle.execute("create table filler (id bigint primary key, note text)");
            handle.execute("delete from db_size_history");
        });
    }

    private void fill(int from, int to) {
        database.jdbi().useHandle(handle -> {
            handle.execute("insert into filler select id, repeat('x', 200) from generate_series(?, ?) as id", from, to);
            // the insert's counts wait in this backend for up to a second before they reach the
            // shared statistics; flushed after ANALYZE set n_live_tup they were counted twice
            // (40,000 live rows for 20,000, seen once under load)
            handle.execute("select pg_stat_force_next_flush()");
            handle.execute("analyze filler");
        });
    }

    @Test
    void sizeShowsTheDatabaseAndEachTableTheBiggestFirst() throws Exception {
        fill(1, 20_000);

        CliRun text = CliRun.run(database.environment(), home, "db", "size", "--top", "3");
        CliRun json = CliRun.run(database.environment(), home, "db", "size", "--json");

        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out()).containsPattern("Database " + database.name() + ": \\d+\\.\\d MiB on disk")
                .containsPattern("\nfiller +\\d+\\.\\d MiB +\\d+\\.\\d MiB +\\d+\\.\\d KiB +\\d+\\.\\d KiB +20000 +0  never +20");
        assertThat(text.out().lines().count()).isEqualTo(5);
        JsonNode filler = new ObjectMapper().readTree(json.out()).at("/tables/0");
        assertThat(filler.get("table").asText()).isEqualTo("filler");
        assertThat(filler.get("live_rows").asLong()).isEqualTo(20_000);
        assertThat(filler.get("heap_bytes").asLong() + filler.get("index_bytes").asLong()
                + filler.get("toast_bytes").asLong()).isLessThanOrEqualTo(filler.get("total_bytes").asLong());
        assertThat(filler.get("index_bytes").asLong()).isPositive();
        assertThat(filler.get("last_analyze").isNull()).isFalse();
        CliRun refused = CliRun.run(database.environment(), home, "db", "size", "--top", "0");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("--top must be at least 1, not 0");
    }

    @Test
    void growthComesFromOneSampleADayAndProjectsTheBudget() throws Exception {
        DatabaseOps ops = new DatabaseOps(database.database(), clock, "bot-g", DatabaseOps.Settings.defaults());
        Maintenance sampler = ops.maintenance().get(0);
        fill(1, 10_000);
        sampler.task().run();
        for (int day = 1; day <= 2; day++) {
            fill(day * 10_000 + 1, (day + 1) * 10_000);
            clock.advance(Duration.ofDays(1));
            sampler.task().run();
            clock.advance(Duration.ofHours(6));
            sampler.task().run(); // the same day: nothing more is stored
        }
        fill(30_001, 40_000);
        clock.advance(Duration.ofHours(6));
        ops.close();

        CliRun json = CliRun.run(database.environment(), home, clock, "db", "growth", "--budget", "1G", "--json");
        CliRun text = CliRun.run(database.environment(), home, clock, "db", "growth", "--budget", "1G");

        assertThat(json.exitCode()).as(json.err()).isZero();
        JsonNode document = new ObjectMapper().readTree(json.out());
        assertThat(document.at("/samples").size()).isEqualTo(3);
        assertThat(document.at("/samples/0/day").asText()).isEqualTo("2026-03-01");
        assertThat(document.at("/samples/2/day").asText()).isEqualTo("2026-03-03");
        assertThat(document.at("/samples/1/bytes").asLong()).isGreaterThan(document.at("/samples/0/bytes").asLong());
        long current = document.at("/current_bytes").asLong();
        long first = document.at("/samples/0/bytes").asLong();
        assertThat(document.at("/growth/days").asDouble()).isCloseTo(2.75, within(0.001));
        assertThat(document.at("/growth/bytes_per_day").asDouble()).isCloseTo((current - first) / 2.75, within(1.0));
        assertThat(document.at("/tables/0/table").asText()).isEqualTo("filler");
        JsonNode budget = document.at("/projections/0");
        assertThat(budget.get("limit").asText()).isEqualTo("budget");
        assertThat(budget.get("remaining_bytes").asLong()).isEqualTo((1L << 30) - current);
        assertThat(budget.get("days").asDouble()).isCloseTo(((1L << 30) - current)
                / document.at("/growth/bytes_per_day").asDouble(), within(0.01));
        assertThat(text.out()).contains("3 daily sample(s) in the last 30d")
                .containsPattern("Growth: \\+\\d+\\.\\d MiB per day \\(\\+\\d+\\.\\d MiB over 2\\.8 days since 2026-03-01\\)")
                .containsPattern("filler +\\+\\d+\\.\\d MiB per day")
                .containsPattern("Budget 1\\.0 GiB: \\d+\\.\\d MiB left: reached in about \\d+ days \\(20\\d\\d-\\d\\d-\\d\\d\\)");
    }

    @Test
    void withoutAnEarlierDayGrowthIsNotKnownYet() {
        CliRun run = CliRun.run(database.environment(), home, clock, "db", "growth", "--since", "7d");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("0 daily sample(s) in the last 7d").contains("Growth: not known yet");
        CliRun refused = CliRun.run(database.environment(), home, clock, "db", "growth", "--since", "2h");
        assertThat(refused.exitCode()).isEqualTo(2);
    }
}
