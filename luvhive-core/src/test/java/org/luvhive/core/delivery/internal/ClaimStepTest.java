package org.luvhive.core.delivery.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.luvhive.core.testing.ManualClock;
import org.luvhive.core.testing.PostgresExtension;
import org.luvhive.core.testing.RecordingJdbi;
import org.luvhive.core.testing.TestDatabase;

/**
 * A dispatcher pass claims its rows of several chats in one statement, and each row is
 * held to the rules a claim of its own obeyed: per-chat order (nothing earlier queued or
 * in flight), one claimer per chat at a time (the chat's claim lock), a blocked chat's
 * queue cancelled instead.
 */
@ExtendWith(PostgresExtension.class)
class ClaimStepTest {

    private static final Duration LEASE = Duration.ofMinutes(1);

    private final TestDatabase database;
    private final ManualClock clock = ManualClock.at("2026-12-06T12:00:00Z");
    private final List<String> statements = new CopyOnWriteArrayList<>();
    private ClaimStep claims;

    ClaimStepTest(TestDatabase database) {
        this.database = database;
    }

    @BeforeEach
    void empty() {
        database.jdbi().useHandle(handle -> handle.execute("truncate outbox, blocked_recipients"));
        Jdbi counted = RecordingJdbi.on(database.database().dataSource(), statements);
        claims = new ClaimStep(counted, "session:test", LEASE);
    }

    private long insert(long chatId, String status) {
        return database.jdbi().withHandle(handle -> handle.createQuery("""
                insert into outbox (chat_id, priority, method, payload, status, not_before, created_at)
                values (:chat, 0, 'sendMessage', '{}', :status, :at, :at) returning id""")
                .bind("chat", chatId).bind("status", status).bind("at", clock.instant()).mapTo(Long.class).one());
    }

    private OutboxRow row(long id) {
        return database.jdbi().withHandle(handle -> handle.createQuery(
                        "select " + OutboxDao.COLUMNS + " from outbox where id = :id").bind("id", id)
                .map((rs, context) -> new OutboxRow(rs.getLong("id"), rs.getLong("chat_id"), rs.getInt("priority"),
                        rs.getString("method"), rs.getString("payload"), rs.getString("correlation"),
                        rs.getInt("attempts"), rs.getTimestamp("created_at").toInstant())).one());
    }

    private String status(long id) {
        return database.jdbi().withHandle(handle -> handle.createQuery("select status from outbox where id = :id")
                .bind("id", id).mapTo(String.class).one());
    }

    @Test
    void rowsOfSeveralChatsAreClaimedInOneStatementEachUnderItsChatsRules() {
        long free1 = insert(1, "queued");
        long free2 = insert(2, "queued");
        insert(3, "sending");
        long behindInFlight = insert(3, "queued");
        long earlier = insert(4, "queued");
        long later = insert(4, "queued");
        long toBlocked = insert(5, "queued");
        long alsoToBlocked = insert(5, "queued");
        database.jdbi().useHandle(handle -> handle.execute(
                "insert into blocked_recipients (chat_id, blocked_at, reason) values (5, now(), 'Forbidden')"));
        statements.clear();

        Map<Long, ClaimStep.Result> results = claims.claimAll(List.of(row(free1), row(free2), row(behindInFlight),
                row(later), row(toBlocked)), clock.instant());

        assertThat(statements).as("one round trip for the pass").hasSize(1);
        assertThat(results).containsExactlyInAnyOrderEntriesOf(Map.of(free1, ClaimStep.Result.CLAIMED,
                free2, ClaimStep.Result.CLAIMED, behindInFlight, ClaimStep.Result.WAIT,
                later, ClaimStep.Result.WAIT, toBlocked, ClaimStep.Result.GONE));
        assertThat(status(free1)).isEqualTo("sending");
        assertThat(status(free2)).isEqualTo("sending");
        assertThat(status(behindInFlight)).as("its chat has a row in flight").isEqualTo("queued");
        assertThat(status(later)).as("an earlier row of its chat is queued").isEqualTo("queued");
        assertThat(status(earlier)).isEqualTo("queued");
        assertThat(status(toBlocked)).isEqualTo("cancelled");
        assertThat(status(alsoToBlocked)).as("the blocked chat's whole queue").isEqualTo("cancelled");
        Map<String, Object> claimed = database.jdbi().withHandle(handle -> handle.createQuery(
                "select lease_owner, lease_until, attempts from outbox where id = :id").bind("id", free1).mapToMap().one());
        assertThat(claimed).containsEntry("lease_owner", "session:test").containsEntry("attempts", 1);
        assertThat(((Timestamp) claimed.get("lease_until")).toInstant())
                .isEqualTo(clock.instant().plus(LEASE));
    }

    @Test
    void aChatAnotherSenderIsClaimingWaitsAndTheOthersAreClaimed() {
        long busy = insert(7, "queued");
        long free = insert(8, "queued");
        try (Handle other = database.jdbi().open()) {
            other.begin();
            other.createQuery("select pg_try_advisory_xact_lock(:space, hashtext('7'))")
                    .bind("space", ClaimStep.LOCK_SPACE).mapTo(Boolean.class).one();

            Map<Long, ClaimStep.Result> results = claims.claimAll(List.of(row(busy), row(free)), clock.instant());

            assertThat(results).containsEntry(busy, ClaimStep.Result.WAIT).containsEntry(free, ClaimStep.Result.CLAIMED);
            other.rollback();
        }
        assertThat(status(busy)).isEqualTo("queued");
        assertThat(claims.claimAll(List.of(row(busy)), clock.instant())).containsEntry(busy, ClaimStep.Result.CLAIMED);
    }

    @Test
    void aRowClaimedOrCancelledSinceItWasReadIsGone() {
        long taken = insert(9, "queued");
        OutboxRow read = row(taken);
        assertThat(claims.claimAll(List.of(read), clock.instant())).containsEntry(taken, ClaimStep.Result.CLAIMED);
        database.jdbi().useHandle(handle -> handle.execute("update outbox set status = 'cancelled' where id = ?", taken));

        assertThat(claims.claimAll(List.of(read), clock.instant())).containsEntry(taken, ClaimStep.Result.GONE);
        assertThat(claims.claimAll(List.of(), Instant.now())).isEmpty();
    }
}
