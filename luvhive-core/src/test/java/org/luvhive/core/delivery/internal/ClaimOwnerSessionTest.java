package org.luvhive.core.delivery.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.luvhive.core.testing.ManualClock;
import org.luvhive.core.testing.PostgresExtension;
import org.luvhive.core.testing.TestDatabase;

/**
 * A sender's claims are vouched for by its database session: while it lives they stay
 * its own, the moment its session ends (what {@code kill -9} does to it) another sender
 * frees them, long before their lease runs out.
 */
@ExtendWith(PostgresExtension.class)
class ClaimOwnerSessionTest {

    private static final Duration LEASE = Duration.ofMinutes(10);
    private static final Duration GRACE = Duration.ofSeconds(2);

    private final TestDatabase database;
    private final ManualClock clock = ManualClock.at("2026-12-06T12:00:00Z");
    private ClaimStep sweeper;

    ClaimOwnerSessionTest(TestDatabase database) {
        this.database = database;
    }

    @BeforeEach
    void empty() {
        database.jdbi().useHandle(handle -> handle.execute("truncate outbox"));
        sweeper = new ClaimStep(database.jdbi(), "session:sweeper", LEASE);
    }

    private ClaimOwnerSession session(String owner) {
        return new ClaimOwnerSession(database.database()::openDedicatedConnection, owner, clock);
    }

    /** A row claimed by {@code owner} {@code ago} before now, its lease running for ten minutes from then. */
    private long claimed(String owner, Duration ago) {
        Instant claimedAt = clock.instant().minus(ago);
        return database.jdbi().withHandle(handle -> handle.createQuery("""
                insert into outbox (chat_id, priority, method, status, not_before, created_at, lease_owner, lease_until,
                                    attempts)
                values (1, 0, 'sendMessage', 'sending', :at, :at, :owner, :until, 1) returning id""")
                .bind("at", claimedAt).bind("owner", owner).bind("until", claimedAt.plus(LEASE))
                .mapTo(Long.class).one());
    }

    /** The server ends a closed session a moment after the client closed it. */
    private void awaitSessionGone(String owner) {
        await().atMost(Duration.ofSeconds(30)).until(() -> database.jdbi().withHandle(handle -> handle.createQuery(
                "select count(*) from pg_locks where locktype = 'advisory' and classid = cast(:space as oid) "
                        + "and objid = cast(hashtext(:owner) as oid)")
                .bind("space", ClaimOwnerSession.LOCK_SPACE).bind("owner", owner).mapTo(Long.class).one()) == 0);
    }

    private Map<String, Object> row(long id) {
        return database.jdbi().withHandle(handle -> handle.createQuery(
                "select status, lease_owner, last_error from outbox where id = :id").bind("id", id).mapToMap().one());
    }

    @Test
    void theClaimsOfASenderWhoseSessionEndedAreFreedAtOnceAndALiveOnesAreNot() {
        ClaimOwnerSession alive = session("session:alive");
        ClaimOwnerSession killed = session("session:killed");
        try {
            assertThat(alive.held()).isTrue();
            assertThat(killed.held()).isTrue();
            long aliveRow = claimed("session:alive", Duration.ofSeconds(30));
            long killedRow = claimed("session:killed", Duration.ofSeconds(30));

            assertThat(sweeper.releaseOrphanedClaims(clock.instant(), GRACE)).as("both owners alive").isZero();

            killed.close(); // its session ends, as when the process is killed
            awaitSessionGone("session:killed");

            assertThat(sweeper.releaseOrphanedClaims(clock.instant(), GRACE)).as("just found gone").isZero();
            clock.advance(GRACE);
            assertThat(sweeper.releaseOrphanedClaims(clock.instant(), GRACE)).isEqualTo(1);
            assertThat(row(killedRow)).containsEntry("status", "queued").containsEntry("lease_owner", null)
                    .containsEntry("last_error", "claim freed: the sending instance is gone (its database session ended)");
            assertThat(row(aliveRow)).containsEntry("status", "sending").containsEntry("lease_owner", "session:alive");
        } finally {
            alive.close();
            killed.close();
        }
    }

    @Test
    void anOwnerWhoseSessionIsBackInTimeKeepsItsClaims() {
        long row = claimed("session:reconnecting", Duration.ofSeconds(30));
        ClaimOwnerSession owner = session("session:reconnecting");
        try {
            assertThat(sweeper.releaseOrphanedClaims(clock.instant(), GRACE)).as("found without its session").isZero();
            clock.advance(Duration.ofSeconds(1));
            assertThat(owner.held()).as("back, as after a database outage").isTrue();
            clock.advance(Duration.ofSeconds(5));
            assertThat(sweeper.releaseOrphanedClaims(clock.instant(), GRACE)).isZero();
            assertThat(row(row)).containsEntry("status", "sending");

            owner.close();
            awaitSessionGone("session:reconnecting");
            assertThat(sweeper.releaseOrphanedClaims(clock.instant(), GRACE)).as("gone again: a new grace").isZero();
            clock.advance(Duration.ofSeconds(1));
            assertThat(sweeper.releaseOrphanedClaims(clock.instant(), GRACE)).isZero();
            clock.advance(Duration.ofSeconds(1));
            assertThat(sweeper.releaseOrphanedClaims(clock.instant(), GRACE)).isEqualTo(1);
            assertThat(row(row)).containsEntry("status", "queued");
        } finally {
            owner.close();
        }
    }

    @Test
    void afterAnOutageASenderWhoseSessionItEndedHasTimeToTakeItsLockAgain() {
        AtomicBoolean down = new AtomicBoolean();
        ClaimStep outageSweeper = new ClaimStep(Jdbi.create(() -> {
            if (down.get()) {
                throw new SQLException("Connection refused");
            }
            return database.database().dataSource().getConnection();
        }).installPlugin(new SqlObjectPlugin()), "session:outage-sweeper", LEASE);
        long row = claimed("session:outage", Duration.ofSeconds(30)); // its session ended with the outage
        down.set(true);
        assertThatThrownBy(() -> outageSweeper.releaseOrphanedClaims(clock.instant(), GRACE))
                .hasMessageContaining("Connection refused");
        down.set(false);
        clock.advance(Duration.ofSeconds(1));

        assertThat(outageSweeper.releaseOrphanedClaims(clock.instant(), GRACE)).as("found missing").isZero();
        clock.advance(GRACE.plusSeconds(1));
        assertThat(outageSweeper.releaseOrphanedClaims(clock.instant(), GRACE)).as("the usual grace is not enough")
                .isZero();
        ClaimOwnerSession owner = session("session:outage");
        try {
            assertThat(owner.held()).as("back within seconds of the database").isTrue();
            clock.advance(ClaimStep.AFTER_OUTAGE_GRACE);
            assertThat(outageSweeper.releaseOrphanedClaims(clock.instant(), GRACE)).isZero();
            assertThat(row(row)).containsEntry("status", "sending").containsEntry("lease_owner", "session:outage");
        } finally {
            owner.close();
        }
        awaitSessionGone("session:outage");
        clock.advance(ClaimStep.AFTER_OUTAGE);
        assertThat(outageSweeper.releaseOrphanedClaims(clock.instant(), GRACE)).as("long after the outage").isZero();
        clock.advance(GRACE);
        assertThat(outageSweeper.releaseOrphanedClaims(clock.instant(), GRACE)).as("a dead one: the usual grace")
                .isEqualTo(1);
    }

    @Test
    void claimsOfSendersWithoutASessionLockWaitForTheirLease() {
        long legacy = claimed("sender-1a2b3c4d", Duration.ofMinutes(5));

        assertThat(sweeper.releaseOrphanedClaims(clock.instant(), GRACE)).isZero();
        assertThat(row(legacy)).containsEntry("status", "sending");

        clock.advance(Duration.ofMinutes(6));
        assertThat(sweeper.releaseExpiredLeases(clock.instant())).isEqualTo(1);
    }

    @Test
    void aLostConnectionIsReplacedAndTheLockTakenAgain() {
        ClaimOwnerSession owner = session("session:flaky");
        try {
            assertThat(owner.held()).isTrue();
            database.jdbi().useHandle(handle -> handle.execute("""
                    select pg_terminate_backend(pid) from pg_locks
                    where locktype = 'advisory' and classid = cast(? as oid) and objid = cast(hashtext('session:flaky') as oid)
                    """, ClaimOwnerSession.LOCK_SPACE));
            clock.advance(Duration.ofSeconds(1));

            assertThat(owner.held()).as("the check finds the session gone").isFalse();
            assertThat(owner.held()).as("a new session, the lock taken again").isTrue();
            long row = claimed("session:flaky", Duration.ofSeconds(30));
            assertThat(sweeper.releaseOrphanedClaims(clock.instant(), GRACE)).isZero();
            clock.advance(GRACE);
            assertThat(sweeper.releaseOrphanedClaims(clock.instant(), GRACE)).isZero();
            assertThat(row(row)).containsEntry("status", "sending");
        } finally {
            owner.close();
        }
    }

    @Test
    void twoSessionsNeverVouchForTheSameOwner() {
        ClaimOwnerSession first = session("session:twin");
        ClaimOwnerSession second = session("session:twin");
        try {
            assertThat(first.held()).isTrue();
            assertThat(second.held()).isFalse();
        } finally {
            first.close();
            second.close();
        }
    }
}
