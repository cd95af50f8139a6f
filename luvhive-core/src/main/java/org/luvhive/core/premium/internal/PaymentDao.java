package org.luvhive.core.premium.internal;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.luvhive.core.premium.Payment;

/** Rows of {@code payments} and {@code checkout_refusals}. */
@RegisterConstructorMapper(Payment.class)
public interface PaymentDao {

    /** 1 when recorded, 0 when this charge was recorded before (a redelivered update). */
    @SqlUpdate("""
            insert into payments (telegram_payment_charge_id, user_id, days, amount, currency, paid_at,
                                  premium_until_after)
            values (:chargeId, :userId, :days, :amount, :currency, :now, :until)
            on conflict (telegram_payment_charge_id) do nothing
            """)
    int insert(@Bind("chargeId") String chargeId, @Bind("userId") long userId, @Bind("days") int days,
               @Bind("amount") int amount, @Bind("currency") String currency, @Bind("now") Instant now,
               @Bind("until") Instant until);

    /** A payment that grants nothing (days 0) and why; 1 when recorded, 0 when this charge was recorded before. */
    @SqlUpdate("""
            insert into payments (telegram_payment_charge_id, user_id, days, amount, currency, paid_at,
                                  premium_until_after, mismatch)
            values (:chargeId, :userId, 0, :amount, :currency, :now, :until, :mismatch)
            on conflict (telegram_payment_charge_id) do nothing
            """)
    int insertMismatch(@Bind("chargeId") String chargeId, @Bind("userId") long userId, @Bind("amount") int amount,
                       @Bind("currency") String currency, @Bind("now") Instant now, @Bind("until") Instant until,
                       @Bind("mismatch") String mismatch);

    @SqlQuery("select * from payments where telegram_payment_charge_id = :chargeId for update")
    Optional<Payment> findForUpdate(@Bind("chargeId") String chargeId);

    @SqlUpdate("""
            update payments set refunded_at = :now, refunded_by = :by
            where telegram_payment_charge_id = :chargeId and refunded_at is null
            """)
    int markRefunded(@Bind("chargeId") String chargeId, @Bind("by") long by, @Bind("now") Instant now);

    /** A refund the bot made itself (no admin): 1 when marked now, 0 when it was refunded before. */
    @SqlUpdate("""
            update payments set refunded_at = :now, refunded_by = null
            where telegram_payment_charge_id = :chargeId and refunded_at is null
            """)
    int markRefundedAutomatically(@Bind("chargeId") String chargeId, @Bind("now") Instant now);

    @SqlQuery("select count(*) from payments where user_id = :userId and paid_at > :since")
    int countPaymentsSince(@Bind("userId") long userId, @Bind("since") Instant since);

    @SqlUpdate("""
            insert into checkout_refusals (user_id, at, reason, code, invoice_user)
            values (:userId, :now, :reason, :code, :invoiceUser)
            """)
    void recordRefusal(@Bind("userId") long userId, @Bind("now") Instant now, @Bind("reason") String reason,
                       @Bind("code") String code, @Bind("invoiceUser") Long invoiceUser);

    /** Others' refusals of invoices issued to the user keep the refusal, not the user's id. */
    @SqlUpdate("update checkout_refusals set invoice_user = null where invoice_user = :userId")
    int forgetInvoiceUser(@Bind("userId") long userId);

    @SqlQuery("select count(*) from checkout_refusals where user_id = :userId and at > :since")
    int countRefusalsSince(@Bind("userId") long userId, @Bind("since") Instant since);

    @SqlQuery("select count(*) from payments where user_id = :userId")
    long countOf(@Bind("userId") long userId);

    @SqlUpdate("delete from checkout_refusals where user_id = :userId")
    int deleteRefusalsOf(@Bind("userId") long userId);

    @SqlUpdate("delete from checkout_refusals where at < :before")
    int deleteRefusalsBefore(@Bind("before") Instant before);
}
