package org.luvhive.core.premium.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.luvhive.core.premium.PaymentsReport;

/** Rows of {@code search_promises}: what paid searches promised and how each ended. */
@RegisterConstructorMapper(PromiseDao.Promise.class)
@RegisterConstructorMapper(PaymentsReport.Promises.class)
public interface PromiseDao {

    /** One promise. */
    record Promise(long id, String kind, long userId, Instant startedAt, Instant dueAt, String chargeId,
                   Integer stars, String outcome) {
    }

    @SqlUpdate("""
            insert into search_promises (kind, user_id, started_at, due_at, charge_id, stars)
            values ('paid_boost', :userId, :now, :due, :chargeId, :stars)
            on conflict do nothing
            """)
    int insertPaidBoost(@Bind("userId") long userId, @Bind("chargeId") String chargeId, @Bind("stars") int stars,
                        @Bind("now") Instant now, @Bind("due") Instant due);

    /** A filter search that found nobody in time, credited at once; 0 when this search was credited before. */
    @SqlUpdate("""
            insert into search_promises (kind, user_id, started_at, due_at, outcome, settled_at, credited_seconds)
            values ('filter_search', :userId, :since, :due, 'credited', :now, :seconds)
            on conflict (user_id, kind, started_at) do nothing
            """)
    int insertCredited(@Bind("userId") long userId, @Bind("since") Instant since, @Bind("due") Instant due,
                       @Bind("seconds") long seconds, @Bind("now") Instant now);

    /** Paid boosts whose time is up and that are not settled, locked; another instance skips them. */
    @SqlQuery("""
            select id, kind, user_id, started_at, due_at, charge_id, stars, outcome from search_promises
            where kind = 'paid_boost' and outcome is null and due_at <= :now
            order by due_at, id limit :limit
            for update skip locked
            """)
    List<Promise> dueBoosts(@Bind("now") Instant now, @Bind("limit") int limit);

    @SqlQuery("""
            select id, kind, user_id, started_at, due_at, charge_id, stars, outcome from search_promises
            where id = :id for update
            """)
    Optional<Promise> findForUpdate(@Bind("id") long id);

    /** Moves a promise from {@code from} (null: open) to {@code to}; 1 when it was there. */
    @SqlUpdate("""
            update search_promises set outcome = :to, settled_at = :now
            where id = :id and outcome is not distinct from :from
            """)
    int settle(@Bind("id") long id, @Bind("from") String from, @Bind("to") String to, @Bind("now") Instant now);

    @SqlQuery("""
            select count(*) filter (where kind = 'paid_boost') as paid_boosts,
                   count(*) filter (where kind = 'paid_boost' and outcome = 'kept') as kept,
                   count(*) filter (where outcome = 'refunded') as refunded,
                   coalesce(sum(stars) filter (where outcome = 'refunded'), 0) as refunded_stars,
                   count(*) filter (where outcome = 'refund_queued') as refunds_queued,
                   count(*) filter (where outcome = 'refund_failed') as refunds_failed,
                   count(*) filter (where outcome is null) as open,
                   count(*) filter (where outcome = 'credited') as credited,
                   coalesce(sum(credited_seconds), 0) as credited_seconds
            from search_promises where started_at >= :from and started_at < :to
            """)
    PaymentsReport.Promises summary(@Bind("from") Instant from, @Bind("to") Instant to);

    /** A user's promises that involve no payment (the credited filter searches), for /delete_me. */
    @SqlUpdate("delete from search_promises where user_id = :userId and charge_id is null")
    int deleteUnpaidOf(@Bind("userId") long userId);
}
