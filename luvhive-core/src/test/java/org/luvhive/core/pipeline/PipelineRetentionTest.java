package org.luvhive.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.luvhive.core.limits.ClockTimeMeter;
import org.luvhive.core.limits.PostgresRateLimiter;
import org.luvhive.core.testing.ManualClock;
import org.luvhive.core.testing.PostgresExtension;
import org.luvhive.core.testing.TestDatabase;

/** After 24 h the pipeline's tables no longer say who did what; what is still needed stays. */
@ExtendWith(PostgresExtension.class)
class PipelineRetentionTest {

    private final TestDatabase database;
    private final ManualClock clock = ManualClock.at("2026-03-02T12:00:00Z");
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    PipelineRetentionTest(TestDatabase database) {
        this.database = database;
    }

    private PipelineRetention retention() {
        return new PipelineRetention(database.jdbi(), new PostgresRateLimiter(database.database().dataSource(),
                new ClockTimeMeter(clock), Duration.ofHours(1)), clock, registry, PipelineRetention.Periods.defaults());
    }

    @BeforeEach
    void rows() {
        Instant old = clock.instant().minus(Duration.ofHours(25));
        Instant recent = clock.instant().minus(Duration.ofHours(23));
        database.jdbi().useHandle(handle -> {
            handle.execute("delete from inbox");
            handle.execute("delete from outbox");
            handle.execute("delete from update_quarantine");
            String inbox = "insert into inbox (update_id, kind, user_id, chat_id, status, next_attempt_at, received_at,"
                    + " payload) values (?, 'message', ?, ?, ?, ?, ?, ?::jsonb)";
            handle.execute(inbox, 1, 101, 101, "handled", old, old, null);
            handle.execute(inbox, 2, 102, 102, "skipped", old, old, null);
            handle.execute(inbox, 3, 103, 103, "handled", recent, recent, null);
            handle.execute(inbox, 4, 104, 104, "dead", old, old, "{}");
            handle.execute(inbox, 5, 105, 105, "pending", old, old, "{}");
            String outbox = "insert into outbox (chat_id, priority, method, status, not_before, created_at)"
                    + " values (?, 1, 'sendMessage', ?, ?, ?)";
            handle.execute(outbox, 201, "sent", old, old);
            handle.execute(outbox, 202, "cancelled", old, old);
            handle.execute(outbox, 203, "sent", recent, recent);
            handle.execute(outbox, 204, "queued", old, old);
            handle.execute(outbox, 205, "parked", old, old);
            String quarantine = "insert into update_quarantine (update_id, user_id, digest, source, category, reason,"
                    + " raw, raw_size, quarantined_at) values (?, ?, ?, 'polling', 'incomplete', 'x', ?, 4, ?)";
            Instant fifteenDays = clock.instant().minus(Duration.ofDays(15));
            Instant thirteenDays = clock.instant().minus(Duration.ofDays(13));
            handle.execute(quarantine, 301, 101, new byte[] {1}, "null".getBytes(), fifteenDays);
            handle.execute(quarantine, 302, 102, new byte[] {2}, "null".getBytes(), thirteenDays);
        });
    }

    @Test
    void handledUpdatesForgetTheirUserAndSentMessagesGoAfterADay() {
        retention().forgetActivity();

        List<Map<String, Object>> inbox = database.jdbi().withHandle(handle -> handle.createQuery(
                "select update_id, user_id, chat_id from inbox order by update_id").mapToMap().list());
        assertThat(inbox).extracting(row -> row.get("update_id") + ":" + row.get("user_id") + ":" + row.get("chat_id"))
                .containsExactly("1:null:null", "2:null:null", "3:103:103", "4:104:104", "5:105:105");
        List<Long> outbox = database.jdbi().withHandle(handle -> handle.createQuery(
                "select chat_id from outbox order by chat_id").mapTo(Long.class).list());
        assertThat(outbox).containsExactly(203L, 204L, 205L);
        assertThat(registry.get(PipelineRetention.CLEANED).tag("what", "inbox_user_ids").counter().count()).isEqualTo(2);
        assertThat(registry.get(PipelineRetention.CLEANED).tag("what", "outbox_sent").counter().count()).isEqualTo(2);
    }

    @Test
    void quarantinedUpdatesAreKeptFourteenDaysBytesAndAll() {
        retention().deleteExpired();

        List<Long> quarantined = database.jdbi().withHandle(handle -> handle.createQuery(
                "select update_id from update_quarantine order by update_id").mapTo(Long.class).list());
        assertThat(quarantined).containsExactly(302L);
        assertThat(registry.get(PipelineRetention.DELETED).tag("what", "quarantined_updates").counter().count())
                .isEqualTo(1);
    }

    @Test
    void aSecondRunFindsNothingLeft() {
        PipelineRetention retention = retention();
        retention.forgetActivity();
        retention.forgetActivity();

        assertThat(registry.get(PipelineRetention.CLEANED).tag("what", "inbox_user_ids").counter().count()).isEqualTo(2);
    }
}
