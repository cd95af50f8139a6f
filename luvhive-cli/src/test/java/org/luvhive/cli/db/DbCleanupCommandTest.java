package org.luvhive.cli.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.luvhive.cli.CliRun;
import org.luvhive.core.bot.FeatureSettings;
import org.luvhive.core.chat.UnsendCommand;
import org.luvhive.core.limits.ClockTimeMeter;
import org.luvhive.core.limits.Limit;
import org.luvhive.core.limits.PostgresRateLimiter;
import org.luvhive.core.testing.ManualClock;
import org.luvhive.core.testing.PostgresExtension;
import org.luvhive.core.testing.TestDatabase;

/** {@code luvhive db cleanup}: the dry run counts exactly what {@code --apply} then removes, and nothing else goes. */
@ExtendWith(PostgresExtension.class)
class DbCleanupCommandTest {

    @TempDir
    Path home;

    private final TestDatabase database;
    private final ManualClock clock = ManualClock.at("2026-03-10T12:00:00Z");
    private final Instant now = clock.instant();

    DbCleanupCommandTest(TestDatabase database) {
        this.database = database;
    }

    @BeforeEach
    void empty() {
        database.jdbi().useHandle(handle -> {
            for (String table : new String[] {"inbox", "outbox", "relayed_messages", "chat_members", "chats",
                    "alert_state", "db_pool_state", "db_statement_timings", "db_size_history", "rate_limit_buckets"}) {
                handle.execute("delete from " + table);
            }
        });
    }

    private void seed() {
        Duration relayKept = FeatureSettings.defaults(Set.of()).relayMapRetention();
        database.jdbi().useHandle(handle -> {
            long update = 1;
            for (int index = 0; index < 3; index++) { // past the 3 days handled updates are kept: deleted
                inbox(handle, update++, "handled", Duration.ofDays(4));
            }
            for (int index = 0; index < 2; index++) { // past 24 h: kept, but no longer name their user
                inbox(handle, update++, "skipped", Duration.ofDays(2));
            }
            inbox(handle, update++, "handled", Duration.ofHours(1));
            inbox(handle, update++, "dead", Duration.ofDays(15));
            inbox(handle, update++, "dead", Duration.ofDays(15));
            inbox(handle, update++, "dead", Duration.ofDays(1));
            inbox(handle, update, "pending", Duration.ofDays(30));
            for (int index = 0; index < 3; index++) {
                outbox(handle, "sent", Duration.ofDays(2));
            }
            outbox(handle, "cancelled", Duration.ofHours(1));
            outbox(handle, "queued", Duration.ofDays(5));
            long ended = chat(handle, relayKept.plusHours(1));
            long recent = chat(handle, Duration.ofMinutes(1));
            Duration unsendable = UnsendCommand.WINDOW.plusHours(1);
            relayed(handle, ended, 1, unsendable);
            relayed(handle, ended, 2, unsendable);
            relayed(handle, ended, 4, Duration.ofHours(1)); // its sender may still unsend it: kept
            relayed(handle, recent, 3, Duration.ofMinutes(1));
            alert(handle, "gone-bot", "cpu", Duration.ofDays(2));
            alert(handle, "gone-bot", "memory", Duration.ofDays(2));
            alert(handle, "live-bot", "cpu", Duration.ofSeconds(5));
            handle.execute("insert into db_pool_state (instance, application_name, active, idle, waiting, maximum, "
                    + "updated_at) values ('gone-bot', 'luvhive-bot gone-bot', 0, 2, 0, 10, ?), "
                    + "('live-bot', 'luvhive-bot live-bot', 1, 1, 0, 10, ?)", now.minus(Duration.ofDays(2)),
                    now.minusSeconds(3));
            handle.execute("insert into db_statement_timings (instance, statement, calls, errors, total_ms, max_ms, "
                    + "updated_at) values ('gone-bot', 'A.b', 1, 0, 1, 1, ?)", now.minus(Duration.ofDays(3)));
            handle.execute("insert into db_size_history (day, database_bytes, sampled_at) values "
                    + "('2024-12-01', 1, ?), ('2026-03-09', 2, ?)", now, now);
        });
        // Bucket4j stamps buckets by the wall clock: one refilled in 1 ms and kept 1 ms more is expired at once
        Limit quickRefill = Limit.perSecond(1000, 1);
        new PostgresRateLimiter(database.database().dataSource(), new ClockTimeMeter(Clock.systemUTC()),
                Duration.ofMillis(1)).tryAcquire("idle", quickRefill);
        new PostgresRateLimiter(database.database().dataSource(), new ClockTimeMeter(Clock.systemUTC()),
                Duration.ofHours(1)).tryAcquire("busy", quickRefill);
    }

    @Test
    void theDryRunCountsExactlyWhatApplyRemoves() throws Exception {
        seed();
        Map<String, Long> before = tableRows();

        CliRun dryText = CliRun.run(database.environment(), home, clock, "db", "cleanup");
        Map<String, Long> dryRun = steps(CliRun.run(database.environment(), home, clock, "db", "cleanup", "--json"));
        assertThat(tableRows()).as("a dry run changes nothing").isEqualTo(before);
        Map<String, Long> applied = steps(CliRun.run(database.environment(), home, clock, "db", "cleanup", "--apply",
                "--json"));
        Map<String, Long> again = steps(CliRun.run(database.environment(), home, clock, "db", "cleanup", "--json"));

        assertThat(dryRun).containsEntry("inbox", 3L).containsEntry("dead_letters", 2L)
                .containsEntry("inbox_user_ids", 2L).containsEntry("outbox_sent", 3L).containsEntry("rate_buckets", 1L)
                .containsEntry("relay_maps", 2L).containsEntry("alert_states", 2L).containsEntry("pool_reports", 1L)
                .containsEntry("statement_timings", 1L).containsEntry("size_history", 1L);
        assertThat(applied).isEqualTo(dryRun);
        assertThat(again.values()).allMatch(rows -> rows == 0);
        assertThat(dryText.out()).startsWith("Would remove (dry run; --apply to delete):")
                .containsPattern(" +3  inbox +handled and skipped updates received more than 3 days ago")
                .containsPattern(" +2  relay_maps +relayed-message ids of chats that ended more than ")
                .contains("18 row(s) in all.");

        Map<String, Long> after = tableRows();
        assertThat(after).containsEntry("inbox", 5L).containsEntry("outbox", 2L).containsEntry("relayed_messages", 2L)
                .containsEntry("alert_state", 1L).containsEntry("db_pool_state", 1L).containsEntry("rate_limit_buckets", 1L)
                .containsEntry("db_size_history", 1L);
        long named = database.jdbi().withHandle(handle -> handle.createQuery(
                "select count(*) from inbox where user_id is not null").mapTo(Long.class).one());
        assertThat(named).as("the hour-old update, the young dead letter, the pending one").isEqualTo(3);
    }

    private static Map<String, Long> steps(CliRun run) throws Exception {
        assertThat(run.exitCode()).as(run.err()).isZero();
        Map<String, Long> steps = new LinkedHashMap<>();
        for (JsonNode step : new ObjectMapper().readTree(run.out()).get("steps")) {
            steps.put(step.get("step").asText(), step.get("rows").asLong());
        }
        return steps;
    }

    private Map<String, Long> tableRows() {
        Map<String, Long> rows = new LinkedHashMap<>();
        database.jdbi().useHandle(handle -> {
            for (String table : new String[] {"inbox", "outbox", "relayed_messages", "alert_state", "db_pool_state",
                    "db_statement_timings", "db_size_history", "rate_limit_buckets"}) {
                rows.put(table, handle.createQuery("select count(*) from " + table).mapTo(Long.class).one());
            }
        });
        return rows;
    }

    private void inbox(Handle handle, long updateId, String status, Duration age) {
        Instant received = now.minus(age);
        handle.execute("insert into inbox (update_id, kind, user_id, chat_id, status, next_attempt_at, received_at) "
                + "values (?, 'message', 42, 42, ?, ?, ?)", updateId, status, received, received);
    }

    private void outbox(Handle handle, String status, Duration age) {
        Instant created = now.minus(age);
        handle.execute("insert into outbox (chat_id, priority, method, status, not_before, created_at) "
                + "values (42, 1, 'sendMessage', ?, ?, ?)", status, created, created);
    }

    private long chat(Handle handle, Duration endedAgo) {
        return handle.createQuery("insert into chats (started_at, ended_at) values (?, ?) returning id")
                .bind(0, now.minus(endedAgo).minusSeconds(600)).bind(1, now.minus(endedAgo))
                .mapTo(Long.class).one();
    }

    private void relayed(Handle handle, long chat, int message, Duration age) {
        handle.execute("insert into relayed_messages (chat_id, sender_id, source_message_id, recipient_id, "
                + "copy_message_id, relayed_at) values (?, 1, ?, 2, ?, ?)", chat, message, message + 100,
                now.minus(age));
    }

    private void alert(Handle handle, String instance, String alert, Duration age) {
        handle.execute("insert into alert_state (instance, alert, value, threshold, state, since, updated_at) "
                + "values (?, ?, 0, 1, 'ok', ?, ?)", instance, alert, now.minus(age), now.minus(age));
    }
}
