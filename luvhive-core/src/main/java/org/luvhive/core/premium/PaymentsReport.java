package org.luvhive.core.premium;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.luvhive.core.premium.internal.FraudDao;
import org.luvhive.core.premium.internal.PromiseDao;

/**
 * The runbook's monthly review of payments: revenue in Stars, refunds and the refund
 * rate, users over the fraud limits, refused pre-checkouts by reason, and the fraud
 * signals with the users behind them (ids only), and what paid searches promised and how
 * that ended (kept, refunded, credited). Immutable.
 *
 * @param from              the period's start (inclusive)
 * @param to                its end (exclusive): now
 * @param payments          payments made in the period
 * @param payers            distinct users who paid
 * @param stars             Stars paid
 * @param refunds           of those payments, how many were refunded (so far)
 * @param refundedStars     and how many Stars
 * @param usersOverLimits   distinct users refused by a fraud limit
 * @param overLimits        the users most often refused by a limit: user id, refusals
 * @param refusals          refused pre-checkouts by reason code
 * @param signals           fraud signals by kind
 * @param signalUsers       per signal kind, the users with the most: user id, count
 * @param promises          the paid boosts and premium filter searches begun in the period
 */
public record PaymentsReport(Instant from, Instant to, long payments, long payers, long stars, long refunds,
                             long refundedStars, long usersOverLimits, Map<String, Long> overLimits,
                             Map<String, Long> refusals, Map<String, Long> signals,
                             Map<String, Map<String, Long>> signalUsers, Promises promises) {

    /**
     * Paid searches begun in a period and how they ended.
     *
     * @param paidBoosts      paid boosts bought
     * @param kept            of those, how many found a partner within the promised time
     * @param refunded        refunded automatically (Telegram agreed)
     * @param refundedStars   the Stars those refunds returned
     * @param refundsQueued   refunds asked for, Telegram's answer not in yet
     * @param refundsFailed   refunds Telegram refused (an admin can /refund them)
     * @param open            paid boosts whose time is not up yet
     * @param credited        premium filter searches that found nobody in time, their time credited to premium
     * @param creditedSeconds the premium time credited, in seconds
     */
    public record Promises(long paidBoosts, long kept, long refunded, long refundedStars, long refundsQueued,
                           long refundsFailed, long open, long credited, long creditedSeconds) {
    }

    public static final int TOP = 10;

    public static PaymentsReport build(Jdbi jdbi, Instant now, Duration period) {
        Instant from = now.minus(period);
        return jdbi.withHandle(handle -> {
            FraudDao dao = handle.attach(FraudDao.class);
            FraudDao.Revenue revenue = dao.revenue(from, now);
            Map<String, Long> signals = keyed(dao.signalsByKind(from, now));
            Map<String, Map<String, Long>> users = new LinkedHashMap<>();
            for (String kind : signals.keySet()) {
                users.put(kind, keyed(dao.signalUsers(kind, from, now, TOP)));
            }
            return new PaymentsReport(from, now, revenue.payments(), revenue.payers(), revenue.stars(),
                    revenue.refunds(), revenue.refundedStars(), dao.countUsersOverLimits(from, now),
                    keyed(dao.usersOverLimits(from, now, TOP)), keyed(dao.refusalsByReason(from, now)), signals, users,
                    handle.attach(PromiseDao.class).summary(from, now));
        });
    }

    /** Refunded payments among those of the period, in percent (0 without payments). */
    public double refundRatePercent() {
        return payments == 0 ? 0 : refunds * 100.0 / payments;
    }

    /** Stars kept: paid minus refunded. */
    public long netStars() {
        return stars - refundedStars;
    }

    private static Map<String, Long> keyed(List<FraudDao.Keyed> rows) {
        Map<String, Long> keyed = new LinkedHashMap<>();
        rows.forEach(row -> keyed.put(row.key(), row.count()));
        return keyed;
    }
}
