package org.luvhive.core.premium.internal;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Rows of {@code payment_signals} and the payment fraud counts of the monthly review. */
@RegisterConstructorMapper(FraudDao.Keyed.class)
@RegisterConstructorMapper(FraudDao.Revenue.class)
public interface FraudDao {

    /** A key (a reason, a signal kind, a user id) and its count. */
    record Keyed(String key, long count) {
    }

    /** Payments in a period: how many, from how many users, how many Stars; refunds among them. */
    record Revenue(long payments, long payers, long stars, long refunds, long refundedStars) {
    }

    @SqlUpdate("""
            insert into payment_signals (kind, user_id, charge_id, details, at)
            values (:kind, :userId, :chargeId, :details, :now)
            """)
    void signal(@Bind("kind") String kind, @Bind("userId") long userId, @Bind("chargeId") String chargeId,
                @Bind("details") String details, @Bind("now") Instant now);

    @SqlQuery("""
            select count(*) from payment_signals
            where kind = 'refund' and user_id = :userId and at > :since
            """)
    int refundsSince(@Bind("userId") long userId, @Bind("since") Instant since);

    @SqlQuery("""
            select count(distinct user_id) from checkout_refusals
            where invoice_user = :invoiceUser and user_id <> :invoiceUser and at > :since
            """)
    int otherPayersSince(@Bind("invoiceUser") long invoiceUser, @Bind("since") Instant since);

    @SqlQuery("""
            select exists (select 1 from payment_signals
                           where kind = 'shared_invoice' and user_id = :invoiceUser and at > :since)
            """)
    boolean sharedInvoiceSignalled(@Bind("invoiceUser") long invoiceUser, @Bind("since") Instant since);

    @SqlQuery("""
            select count(*) as payments, count(distinct user_id) as payers, coalesce(sum(amount), 0) as stars,
                   count(*) filter (where refunded_at is not null) as refunds,
                   coalesce(sum(amount) filter (where refunded_at is not null), 0) as refunded_stars
            from payments where paid_at >= :from and paid_at < :to and currency = 'XTR'
            """)
    Revenue revenue(@Bind("from") Instant from, @Bind("to") Instant to);

    @SqlQuery("""
            select coalesce(code, 'other') as key, count(*) as count from checkout_refusals
            where at >= :from and at < :to group by 1 order by count desc, key
            """)
    List<Keyed> refusalsByReason(@Bind("from") Instant from, @Bind("to") Instant to);

    @SqlQuery("""
            select user_id::text as key, count(*) as count from checkout_refusals
            where at >= :from and at < :to and code like 'limit_%'
            group by user_id order by count desc, user_id limit :limit
            """)
    List<Keyed> usersOverLimits(@Bind("from") Instant from, @Bind("to") Instant to, @Bind("limit") int limit);

    @SqlQuery("""
            select count(distinct user_id) from checkout_refusals
            where at >= :from and at < :to and code like 'limit_%'
            """)
    long countUsersOverLimits(@Bind("from") Instant from, @Bind("to") Instant to);

    @SqlQuery("""
            select kind as key, count(*) as count from payment_signals
            where at >= :from and at < :to group by kind order by count desc, kind
            """)
    List<Keyed> signalsByKind(@Bind("from") Instant from, @Bind("to") Instant to);

    @SqlQuery("""
            select user_id::text as key, count(*) as count from payment_signals
            where at >= :from and at < :to and kind = :kind
            group by user_id order by count desc, user_id limit :limit
            """)
    List<Keyed> signalUsers(@Bind("kind") String kind, @Bind("from") Instant from, @Bind("to") Instant to,
                            @Bind("limit") int limit);
}
