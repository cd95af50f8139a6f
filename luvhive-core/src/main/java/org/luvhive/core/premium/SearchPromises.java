package org.luvhive.core.premium;

import static org.luvhive.core.ui.Notices.notice;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.luvhive.core.chat.Chats;
import org.luvhive.core.delivery.DeliveredMessage;
import org.luvhive.core.delivery.DeliveryEvents;
import org.luvhive.core.delivery.OutboundMessage;
import org.luvhive.core.delivery.Outbox;
import org.luvhive.core.delivery.ParkedMessage;
import org.luvhive.core.delivery.Priority;
import org.luvhive.core.i18n.DurationWords;
import org.luvhive.core.i18n.Language;
import org.luvhive.core.i18n.Texts;
import org.luvhive.core.match.Matcher;
import org.luvhive.core.match.Waiting;
import org.luvhive.core.premium.internal.PromiseDao;
import org.luvhive.core.user.UserProfile;
import org.luvhive.core.user.Users;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.payments.RefundStarPayment;

/**
 * What a paid search promises, and keeping it: a paid boost finds a partner within the
 * promised time or its Stars are refunded ({@code refundStarPayment} through the outbox),
 * and a premium user whose filters found nobody within it gets that time added to premium.
 * Each promise is settled once, recorded in {@code search_promises}: the settling run locks
 * the due rows ({@code SKIP LOCKED}, so two instances never take the same one) and moves
 * each with a compare-and-set; a credit is keyed by the search it is for. The refund counts
 * as made when Telegram accepts it (or answers that the charge was refunded already, after
 * a crash between the call and its record). Thread-safe.
 */
public final class SearchPromises implements DeliveryEvents {

    /** Promises settled per run. */
    static final int PER_RUN = 100;
    private static final String REFUND = "refund:";
    private static final Logger LOG = LoggerFactory.getLogger(SearchPromises.class);

    private final Jdbi jdbi;
    private final Outbox outbox;
    private final Clock clock;
    private final Users users;
    private final Chats chats;
    private final Matcher matcher;
    private final Payments payments;
    private final Duration promise;

    public SearchPromises(Jdbi jdbi, Outbox outbox, Clock clock, Users users, Chats chats, Matcher matcher,
                          Payments payments, Duration promise) {
        this.jdbi = jdbi;
        this.outbox = outbox;
        this.clock = clock;
        this.users = users;
        this.chats = chats;
        this.matcher = matcher;
        this.payments = payments;
        this.promise = promise;
    }

    /** How long a paid search has to find someone. */
    public Duration promise() {
        return promise;
    }

    /** Records a paid boost's promise, due {@code within} from now, in the payment's transaction. */
    void promise(Handle handle, long userId, String chargeId, int stars, Instant now, Duration within) {
        handle.attach(PromiseDao.class).insertPaidBoost(userId, chargeId, stars, now, now.plus(within));
    }

    /** Settles what is due: paid boosts kept or refunded, filter searches credited; returns how many. */
    public int settle() {
        Instant now = clock.instant();
        return jdbi.inTransaction(handle -> settleBoosts(handle, now) + creditFilterSearches(handle, now));
    }

    private int settleBoosts(Handle handle, Instant now) {
        PromiseDao dao = handle.attach(PromiseDao.class);
        int settled = 0;
        for (PromiseDao.Promise due : dao.dueBoosts(now, PER_RUN)) {
            if (chats.startedBetween(handle, due.userId(), due.startedAt(), due.dueAt())) {
                settled += dao.settle(due.id(), null, "kept", now);
                continue;
            }
            if (dao.settle(due.id(), null, "refund_queued", now) == 1) {
                outbox.enqueue(handle, OutboundMessage.of(due.userId(), Priority.NOTICE, RefundStarPayment.builder()
                        .userId(due.userId()).telegramPaymentChargeId(due.chargeId()).build())
                        .correlatedWith(REFUND + due.id()));
                settled++;
            }
        }
        return settled;
    }

    private int creditFilterSearches(Handle handle, Instant now) {
        PromiseDao dao = handle.attach(PromiseDao.class);
        int credited = 0;
        for (Waiting waiting : matcher.waitingSince(handle, now.minus(promise))) {
            Optional<UserProfile> user = users.find(handle, waiting.userId());
            if (waiting.widened() || user.isEmpty() || !user.get().isPremium(now) || !user.get().hasFilters()) {
                continue;
            }
            if (dao.insertCredited(waiting.userId(), waiting.since(), waiting.since().plus(promise),
                    promise.toSeconds(), now) == 1) {
                UserProfile locked = users.findForUpdate(handle, waiting.userId()).orElseThrow();
                users.setPremiumUntil(handle, locked.userId(), locked.premiumUntil().plus(promise), now);
                Language language = locked.language();
                outbox.enqueue(handle, notice(locked.userId(), Texts.of(language, "search.credited",
                        DurationWords.describe(promise, language))));
                credited++;
            }
        }
        return credited;
    }

    @Override
    public void delivered(Handle handle, DeliveredMessage delivered) {
        promiseOf(delivered.correlation()).ifPresent(id -> refunded(handle, id));
    }

    @Override
    public void parked(Handle handle, ParkedMessage parked) {
        promiseOf(parked.correlation()).ifPresent(id -> {
            if (parked.reason() != null && parked.reason().contains("CHARGE_ALREADY_REFUNDED")) {
                refunded(handle, id); // refunded before a crash kept us from recording it
                return;
            }
            handle.attach(PromiseDao.class).settle(id, "refund_queued", "refund_failed", clock.instant());
            LOG.warn("The automatic refund of paid boost {} failed: {}; an admin can /refund it", id, parked.reason());
        });
    }

    private void refunded(Handle handle, long id) {
        Instant now = clock.instant();
        PromiseDao dao = handle.attach(PromiseDao.class);
        Optional<PromiseDao.Promise> row = dao.findForUpdate(id);
        if (row.isEmpty() || dao.settle(id, "refund_queued", "refunded", now) == 0) {
            return;
        }
        payments.recordAutomaticRefund(handle, row.get().chargeId(), now);
        Language language = users.language(handle, row.get().userId());
        outbox.enqueue(handle, notice(row.get().userId(), Texts.of(language, "boost.refunded",
                DurationWords.describe(Duration.between(row.get().startedAt(), row.get().dueAt()), language),
                row.get().stars())));
    }

    private static Optional<Long> promiseOf(Optional<String> correlation) {
        return correlation.filter(key -> key.startsWith(REFUND) && key.substring(REFUND.length()).matches("\\d{1,18}"))
                .map(key -> Long.parseLong(key.substring(REFUND.length())));
    }
}
