package org.luvhive.core.delivery.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.luvhive.core.testing.QueryPlans.rowsVisited;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.luvhive.core.db.SqlArguments;
import org.luvhive.core.testing.PostgresExtension;
import org.luvhive.core.testing.QueryPlans;
import org.luvhive.core.testing.TestDatabase;

/**
 * The outbox is a queue: autovacuum analyzes it when it is mostly sent rows, so under a
 * burst the planner believes almost nothing is queued. The sender's statements must then
 * still probe each chat's earlier rows by index, not compare every queued row with every
 * other: in bench-relay that plan made one read of the due rows take 1.2 s with 1,100
 * queued (1.6 million heap fetches), and 9 ms once the order check could not become a join.
 * Claiming and marking a few rows must likewise go by primary key: walking every queued row
 * instead made each claim take 9 s with 27,000 queued in bench-relay (the order check and a
 * chat lock for every queued row), and each mark scan them all. Measured in rows the plan
 * visits, which the plan decides, not in time.
 */
@ExtendWith(PostgresExtension.class)
class OutboxPlansTest {

    private static final int QUEUED = 1500;
    /** Every queued row probes its chat's earlier rows once; the join visited QUEUED squared. */
    private static final long MOST_ROWS = 20L * QUEUED;
    /** A claim or mark of a few rows looks each up by key; walking the queue visits QUEUED. */
    private static final long FEW_ROWS = 100;

    private final TestDatabase database;
    private final QueryPlans plans = new QueryPlans();
    private final Instant now = Instant.parse("2026-12-06T12:00:00Z");

    OutboxPlansTest(TestDatabase database) {
        this.database = database;
    }

    @BeforeEach
    void queueAfterAnAnalyzeThatSawOnlySentRows() {
        database.jdbi().useHandle(handle -> {
            handle.execute("truncate outbox, blocked_recipients");
            // autovacuum would analyze the queued rows too, and every plan would pass
            handle.execute("alter table outbox set (autovacuum_enabled = off)");
            handle.execute("""
                    insert into outbox (chat_id, priority, method, payload, status, not_before, created_at, sent_at)
                    select 1000000 + n % 4000, 0, 'sendMessage', null, 'sent', ?, ?, ?
                    from generate_series(1, 6000) n""", now, now, now);
            handle.execute("analyze outbox");
            handle.execute("""
                    insert into outbox (chat_id, priority, method, payload, status, not_before, created_at)
                    select n, 0, 'sendMessage', '{}', 'queued', ?, ?
                    from generate_series(1, ?) n""", now, now, QUEUED);
        });
        assertThat(plans.plannedRows(database.jdbi(), "select * from outbox where status = 'queued'"))
                .as("the planner believes almost nothing is queued").isLessThan(10);
    }

    @AfterEach
    void autovacuumAgain() {
        database.jdbi().useHandle(handle -> handle.execute("alter table outbox reset (autovacuum_enabled)"));
    }

    @Test
    void readingTheDueRowsProbesEachChatByIndexWhateverTheStatistics() {
        JsonNode plan = database.jdbi().withHandle(handle -> plans.explain(handle, OutboxStatements.DUE)
                .bind("now", SqlArguments.of(now)).bind("excluded", SqlArguments.of(new long[0]))
                .bind("limit", SqlArguments.of(200)).mapTo(String.class).one()).transform(plans::topNode);

        assertThat(plan.path("Actual Rows").asLong()).isEqualTo(200);
        assertThat(rowsVisited(plan)).as("rows visited reading 200 of %d due rows", QUEUED).isLessThan(MOST_ROWS);
    }

    @Test
    void claimingProbesEachCandidatesChatByIndexWhateverTheStatistics() {
        long[] ids = queued(QUEUED);

        JsonNode plan = claimPlan(ids, chatsOf(ids));

        assertThat(plan.path("Actual Rows").asLong()).isEqualTo(QUEUED);
        assertThat(rowsVisited(plan)).as("rows visited claiming %d rows", QUEUED).isLessThan(MOST_ROWS);
    }

    @Test
    void claimingAFewOfManyQueuedRowsVisitsOnlyTheirRowsWhateverTheStatistics() {
        long[] ids = queued(3);
        long[] chats = chatsOf(ids);
        database.jdbi().useHandle(handle -> handle.execute("""
                insert into blocked_recipients (chat_id, blocked_at, reason) values (?, ?, 'Forbidden')""",
                chats[2], now)); // its row is cancelled, not claimed

        JsonNode plan = claimPlan(ids, chats);

        assertThat(plan.path("Actual Rows").asLong()).isEqualTo(3);
        assertThat(rowsVisited(plan)).as("rows visited claiming 3 of %d queued rows", QUEUED).isLessThan(FEW_ROWS);
    }

    @Test
    void markingAFewRowsSentVisitsOnlyTheirRowsWhateverTheStatistics() {
        long[] ids = queued(2);

        JsonNode plan = plans.inRolledBackTransaction(database.jdbi(), handle -> {
            handle.createUpdate("update outbox set status = 'sending' where id = any(:ids)")
                    .bind("ids", SqlArguments.of(ids)).execute();
            return plans.explain(handle, OutboxStatements.MARK_SENT).bind("ids", SqlArguments.of(ids))
                    .bind("messageIds", SqlArguments.ofNullable(new Long[] {7L, 8L}))
                    .bind("attempts", SqlArguments.of(new long[] {1, 1})).bind("now", SqlArguments.of(now))
                    .mapTo(String.class).one();
        });

        assertThat(plan.path("Actual Rows").asLong()).isEqualTo(2);
        assertThat(rowsVisited(plan)).as("rows visited marking 2 rows with %d queued", QUEUED).isLessThan(FEW_ROWS);
    }

    private long[] queued(int count) {
        return database.jdbi().withHandle(handle -> handle.createQuery(
                "select id from outbox where status = 'queued' order by id limit :count")
                .bind("count", SqlArguments.of(count)).mapTo(Long.class).list())
                .stream().mapToLong(Long::longValue).toArray();
    }

    /** The chats of the rows {@code ids}, in id order. */
    private long[] chatsOf(long[] ids) {
        return database.jdbi().withHandle(handle -> handle.createQuery(
                "select chat_id from outbox where id = any(:ids) order by id").bind("ids", SqlArguments.of(ids))
                .mapTo(Long.class).list()).stream().mapToLong(Long::longValue).toArray();
    }

    /** The plan of claiming {@code ids}, run and rolled back. */
    private JsonNode claimPlan(long[] ids, long[] chats) {
        return plans.inRolledBackTransaction(database.jdbi(), handle -> plans
                .explain(handle, OutboxStatements.CLAIM_ALL)
                .bind("ids", SqlArguments.of(ids)).bind("chats", SqlArguments.of(chats))
                .bind("owner", SqlArguments.of("session:test")).bind("leaseUntil", SqlArguments.of(now.plusSeconds(60)))
                .bind("lockSpace", SqlArguments.of(ClaimStep.LOCK_SPACE)).mapTo(String.class).one());
    }
}
