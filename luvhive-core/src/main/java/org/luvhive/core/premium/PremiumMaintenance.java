package org.luvhive.core.premium;

import static org.luvhive.core.ui.Notices.notice;

import java.time.Clock;
import java.time.Duration;
import org.jdbi.v3.core.Jdbi;
import org.luvhive.core.delivery.Outbox;
import org.luvhive.core.i18n.Texts;
import org.luvhive.core.premium.internal.PaymentDao;
import org.luvhive.core.user.Users;

/** Tells users once when their premium has run out, and prunes old checkout refusals. Thread-safe. */
public final class PremiumMaintenance {

    /** Refused checkouts are counted by reason in the monthly payments report. */
    public static final Duration REFUSALS_KEPT = Duration.ofDays(90);

    private final Jdbi jdbi;
    private final Outbox outbox;
    private final Clock clock;
    private final Users users;

    public PremiumMaintenance(Jdbi jdbi, Outbox outbox, Clock clock, Users users) {
        this.jdbi = jdbi;
        this.outbox = outbox;
        this.clock = clock;
        this.users = users;
    }

    /** Returns how many users were told. */
    public int noticeExpired() {
        return jdbi.inTransaction(handle -> {
            var expired = users.markPremiumExpired(handle, clock.instant());
            for (long userId : expired) {
                outbox.enqueue(handle, notice(userId, Texts.of(users.language(handle, userId), "premium.ended")));
            }
            return expired.size();
        });
    }

    public int pruneRefusals() {
        return jdbi.inTransaction(handle -> handle.attach(PaymentDao.class)
                .deleteRefusalsBefore(clock.instant().minus(REFUSALS_KEPT)));
    }
}
