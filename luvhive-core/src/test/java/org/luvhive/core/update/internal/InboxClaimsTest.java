package org.luvhive.core.update.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.luvhive.core.testing.QueryPlans.rowsVisited;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.luvhive.core.db.SqlArguments;
import org.luvhive.core.testing.HeldRow;
import org.luvhive.core.testing.PostgresExtension;
import org.luvhive.core.testing.QueryPlans;
import org.luvhive.core.testing.TestDatabase;

/**
 * The inbox claim keeps a user's updates in order without walking a user's flood of
 * pending updates. Before, each claim skipped that user's later updates one by one (each
 * found blocked by an earlier one), so 3,000 of them in front made every claim of every
 * instance visit 3,000 rows (34 ms a claim, staged), and the flood went one update a
 * claim. The inbox is analyzed while it holds handled history only, as autovacuum leaves
 * it before a burst. Rows visited are counted from the plan, not timed.
 */
@ExtendWith(PostgresExtension.class)
class InboxClaimsTest {

    private static final long FLOODER = 42;
    private static final int FLOOD = 3000;
    private static final int OTHERS = 3000;
    private static final int BATCH = 16;

    private final TestDatabase database;
    private final QueryPlans plans = new QueryPlans();
    private final Instant now = Instant.parse("2026-12-07T12:00:00Z");

    InboxClaimsTest(TestDatabase database) {
        this.database = database;
    }

    @BeforeEach
    void historyAnalyzedThenAFloodInFrontOfOthers() {
        database.jdbi().useHandle(handle -> {
            handle.execute("truncate inbox");
            handle.execute("alter table inbox set (autovacuum_enabled = off)"); // it would analyze the flood
            handle.execute("""
                    insert into inbox (update_id, kind, user_id, chat_id, status, attempts, next_attempt_at,
                                       received_at, handled_at)
                    select n, 'message', 1000 + n % 4000, 1000 + n % 4000, 'handled', 1, ?, ?, ?
                    from generate_series(1, 6000) n""", now, now, now);
            handle.execute("analyze inbox");
            handle.execute("""
                    insert into inbox (update_id, kind, user_id, chat_id, payload, next_attempt_at, received_at)
                    select 10000 + n, 'message', ?, ?, '{}', ?, ?
                    from generate_series(1, ?) n""", FLOODER, FLOODER, now, now, FLOOD);
            handle.execute("""
                    insert into inbox (update_id, kind, user_id, chat_id, payload, next_attempt_at, received_at)
                    select 20000 + n, 'message', 5000 + n, 5000 + n, '{}', ?, ?
                    from generate_series(1, ?) n""", now, now, OTHERS);
        });
        assertThat(plans.plannedRows(database.jdbi(), "select * from inbox where status = 'pending'"))
                .as("the planner believes almost nothing is pending").isLessThan(10);
    }

    @AfterEach
    void autovacuumAgain() {
        database.jdbi().useHandle(handle -> handle.execute("alter table inbox reset (autovacuum_enabled)"));
    }

    @Test
    void aUsersFloodInFrontIsClaimedABatchAtATimeInOrderWithoutWalkingIt() {
        JsonNode plan = plans.inRolledBackTransaction(database.jdbi(), handle -> plans
                .explain(handle, InboxClaims.CLAIM).bind("now", SqlArguments.of(now))
                .bind("limit", SqlArguments.of(BATCH)).mapTo(String.class).one());

        assertThat(plan.path("Actual Rows").asLong()).isEqualTo(BATCH);
        // each row probes its user's pending rows ahead of it, those of the front (and each plan node above
        // counts them again), never the flood's 3,000: the old walk visited 12,097
        assertThat(rowsVisited(plan)).as("rows visited claiming %d behind a flood of %d", BATCH, FLOOD)
                .isLessThan(4L * BATCH * BATCH);
        assertThat(claim(now)).as("the flood's first updates, together, in order")
                .containsExactlyElementsOf(range(10001, BATCH));
    }

    @Test
    void whileAnotherTransactionHoldsAUsersEarlierUpdateItsLaterOnesWaitAndOthersAreClaimed() throws Exception {
        leaveOfTheFlood(2);

        HeldRow.whileHeld(database.jdbi(), 10001, () -> assertThat(claim(now))
                .as("10002 waits for 10001, held by another transaction; the others are claimed")
                .containsExactlyElementsOf(range(20001, BATCH - 1)));

        assertThat(claim(now)).as("once it is free, both in order").startsWith(10001L, 10002L, 20001L);
    }

    @Test
    void whenTheWholeFrontWaitsForAnotherTransactionTheClaimWalksPastItToOtherUsers() throws Exception {
        // another claim is working through the flood's first updates, slowly: nobody else waits for it
        HeldRow.whileHeld(database.jdbi(), 10001, () -> assertThat(claim(now))
                .as("the flood's next 16 wait for 10001; the others behind them are claimed")
                .containsExactlyElementsOf(range(20001, BATCH)));

        assertThat(claim(now)).as("once it is free, the flood again").containsExactlyElementsOf(range(10001, BATCH));
    }

    @Test
    void theWalkPastAHeldFrontLeavesTheFrontsRowsToTheClaimWorkingThroughThem() {
        leaveOfTheFlood(3);
        InboxClaims.Front heldWhole = new InboxClaims.Front(List.of(), 10001);

        List<Long> walked = database.jdbi().withHandle(handle -> {
            handle.begin();
            try {
                return InboxClaims.claimPastHeld(handle, now, BATCH, heldWhole).stream().map(InboxRow::updateId)
                        .toList();
            } finally {
                handle.rollback();
            }
        });

        assertThat(walked).as("10001 is free again, but taking it alone would hold every other front back")
                .containsExactlyElementsOf(range(20001, BATCH));
    }

    @Test
    void aUsersUpdatesAfterOneAnotherTransactionHoldsWaitThoseBeforeItAreClaimed() throws Exception {
        leaveOfTheFlood(3);

        // two claimers taking rows in turns: the other one skipped 10001, locked 10002, and this one 10003
        HeldRow.whileHeld(database.jdbi(), 10002, () -> assertThat(claim(now)).as("10003 waits for 10002; 10001 goes")
                .startsWith(10001L, 20001L).doesNotContain(10002L, 10003L));

        assertThat(claim(now)).as("once it is free, all three in order").startsWith(10001L, 10002L, 10003L, 20001L);
    }

    @Test
    void anUpdateWaitingForItsRetryBlocksNobodyAndIsClaimedOnceDue() {
        leaveOfTheFlood(2);
        database.jdbi().useHandle(handle -> handle.execute(
                "update inbox set status = 'retry', next_attempt_at = ? where update_id = 10001", now.plusSeconds(60)));

        assertThat(claim(now)).as("10001 is not due; 10002 goes ahead").startsWith(10002L, 20001L)
                .doesNotContain(10001L);
        assertThat(claim(now.plusSeconds(60))).as("once due").startsWith(10001L, 10002L, 20001L);
    }

    /** The flood shrinks to its first {@code count} updates (10001, 10002, ...), in front of the others. */
    private void leaveOfTheFlood(int count) {
        database.jdbi().useHandle(handle -> handle.execute(
                "update inbox set status = 'handled', payload = null where user_id = ? and update_id > ?", FLOODER,
                10000 + count));
    }

    /** The update_ids a claim of {@link #BATCH} at {@code at} returns, in a transaction then rolled back. */
    private List<Long> claim(Instant at) {
        return database.jdbi().withHandle(handle -> {
            handle.begin();
            try {
                InboxClaims.Front front = InboxClaims.claim(handle, at, BATCH);
                if (front.heldWhole()) { // as the processor does: free the front, walk past it in a new transaction
                    handle.rollback();
                    handle.begin();
                    return InboxClaims.claimPastHeld(handle, at, BATCH, front).stream().map(InboxRow::updateId)
                            .toList();
                }
                return front.rows().stream().map(InboxRow::updateId).toList();
            } finally {
                handle.rollback();
            }
        });
    }

    private static List<Long> range(long first, int count) {
        return LongStream.range(first, first + count).boxed().toList();
    }
}
