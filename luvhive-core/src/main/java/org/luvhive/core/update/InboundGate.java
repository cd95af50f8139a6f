package org.luvhive.core.update;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.luvhive.core.db.CommitHooks;
import org.luvhive.core.delivery.OutboundMessage;
import org.luvhive.core.delivery.Priority;
import org.luvhive.core.limits.Limit;
import org.luvhive.core.limits.LiveLimits;
import org.luvhive.core.limits.TokenBuckets;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Decides, before routing, whether a user's update is handled: a user sending faster than
 * the per-user limit has the excess dropped (counted) and gets one short "slow down"
 * notice per cooldown; the same inline button pressed again within the debounce window is
 * handled once (the repeat press is only answered, so the spinner stops). Payments and
 * chat-member changes always pass. Updates sent longer than {@code freshness} ago, or
 * stored more than {@link #LATE_ARRIVAL} after they were sent (a backlog after a restart, a
 * database outage or failing getUpdates calls), are not limited: they were not sent too
 * fast, they were delivered late. Their age is told by the update's own date (when the
 * user sent it), since a backlog fetched after a restart is stored all at once; only
 * kinds without a date (button presses) go by when they were stored. Buckets are shared
 * by all instances and taken in the update's own transaction ({@link TokenBuckets}): no
 * connection or commit of their own, one statement for a whole batch ({@link #takeTogether}),
 * and nothing spent by an update whose handler's writes are rolled back. Thread-safe.
 */
public final class InboundGate {

    public static final String LIMITED = "luvhive.updates.limited";
    private static final String INBOUND = "inbound:";
    private static final String SLOW_DOWN = "slowdown:";
    private static final String DEBOUNCE = "debounce:";
    /**
     * An update stored this long after its own date reached us late (Telegram held it while
     * intake was failing or stopped): with the others held with it, it arrives in a bunch
     * that says nothing about how fast its user wrote. (A date is whole seconds.)
     */
    static final Duration LATE_ARRIVAL = Duration.ofSeconds(5);

    private final LiveLimits limits;
    private final MeterRegistry registry;
    private final Limit debounce;
    private final Limit slowDownNotices;
    private final Duration freshness;

    public InboundGate(LiveLimits limits, MeterRegistry registry, Duration debounceWindow, Duration slowDownCooldown,
                       Duration freshness) {
        this.limits = limits;
        this.registry = registry;
        this.debounce = new Limit(1, 1, debounceWindow);
        this.slowDownNotices = new Limit(1, 1, slowDownCooldown);
        this.freshness = freshness;
    }

    /**
     * Whether the handler should run; when not, what the user is told is already queued.
     * The update's inbound token was already taken, or refused, by {@link #takeTogether}
     * when {@code tokens} asked for it; else it is taken here.
     *
     * @param receivedAt when the update was stored: its age when it has no date of its own
     */
    boolean admit(UpdateContext context, Instant receivedAt, BatchTokens tokens) {
        Update update = context.update();
        UpdateKind kind = context.kind();
        long userId = context.userId();
        if (exempt(context)) {
            return true;
        }
        if (kind == UpdateKind.CALLBACK_QUERY && isRepeatPress(context, update.getCallbackQuery())) {
            countLimited(context, "debounce");
            answer(context, update.getCallbackQuery(), null);
            return false;
        }
        if (arrivedLate(context, receivedAt)) {
            return true;
        }
        Handle handle = context.handle();
        boolean taken = tokens.asked(userId) ? tokens.got(userId)
                : TokenBuckets.tryTake(handle, INBOUND + userId, limits.current().inboundPerUser(), context.now());
        if (taken) {
            return true;
        }
        countLimited(context, "rate");
        boolean tellThem = TokenBuckets.tryTake(handle, SLOW_DOWN + userId, slowDownNotices, context.now());
        if (kind == UpdateKind.CALLBACK_QUERY) {
            answer(context, update.getCallbackQuery(), tellThem ? context.text("limits.slow_down_toast") : null);
        } else if (tellThem) {
            context.replyText("limits.slow_down");
        }
        return false;
    }

    /**
     * Takes the inbound tokens of a batch's updates in one statement (one round trip instead
     * of one per update): for each update {@link #admit} would take one for, except button
     * presses (their debounce comes first) and a user's second update in the batch.
     *
     * @param receivedAt when each of {@code contexts} was stored
     */
    BatchTokens takeTogether(Handle handle, List<UpdateContext> contexts, List<Instant> receivedAt) {
        // a user with two updates in the batch (a retried one and a new one) takes a token per update, alone
        Map<Long, Integer> updatesOfUser = new HashMap<>();
        Set<Long> asking = new HashSet<>();
        for (int index = 0; index < contexts.size(); index++) {
            UpdateContext context = contexts.get(index);
            updatesOfUser.merge(context.userId(), 1, Integer::sum);
            if (context.kind() != UpdateKind.CALLBACK_QUERY && !exempt(context)
                    && !arrivedLate(context, receivedAt.get(index))) {
                asking.add(context.userId());
            }
        }
        asking.removeIf(userId -> updatesOfUser.get(userId) > 1);
        if (asking.isEmpty()) {
            return BatchTokens.NONE;
        }
        Limit limit = limits.current().inboundPerUser();
        List<String> keys = new ArrayList<>(asking.size());
        asking.forEach(userId -> keys.add(INBOUND + userId));
        Set<String> taken = TokenBuckets.tryTakeAll(handle, keys, limit, contexts.get(0).now());
        Set<Long> got = new HashSet<>(taken.size() * 2);
        taken.forEach(key -> got.add(Long.parseLong(key.substring(INBOUND.length()))));
        return new BatchTokens(asking, got, limit);
    }

    /** Payments, chat-member changes and updates of nobody are never limited. */
    private static boolean exempt(UpdateContext context) {
        UpdateKind kind = context.kind();
        return context.userId() == 0 || kind == UpdateKind.PRE_CHECKOUT_QUERY || kind == UpdateKind.MY_CHAT_MEMBER
                || (context.update().hasMessage() && context.update().getMessage().getSuccessfulPayment() != null);
    }

    /** Sent long ago, or held by Telegram: it says nothing about how fast its user writes. */
    private boolean arrivedLate(UpdateContext context, Instant receivedAt) {
        Instant sentAt = UpdateKind.sentAt(context.update()).orElse(receivedAt);
        return Duration.between(sentAt, context.now()).compareTo(freshness) > 0
                || Duration.between(sentAt, receivedAt).compareTo(LATE_ARRIVAL) > 0;
    }

    /** The inbound tokens of a batch's updates, taken together ({@link #takeTogether}). */
    static final class BatchTokens {

        /** Nothing taken in advance: each update takes its own token. */
        static final BatchTokens NONE = new BatchTokens(Set.of(), Set.of(), null);

        private final Set<Long> asked;
        private final Set<Long> got;
        private final Limit limit;

        private BatchTokens(Set<Long> asked, Set<Long> got, Limit limit) {
            this.asked = Set.copyOf(asked);
            this.got = got;
            this.limit = limit;
        }

        boolean asked(long userId) {
            return asked.contains(userId);
        }

        boolean got(long userId) {
            return got.contains(userId);
        }

        /**
         * Gives back, in this transaction, the tokens taken for users not in {@code used}: their
         * update failed or waits for the next claim, which takes its token again.
         */
        void giveBackUnused(Handle handle, Set<Long> used) {
            List<String> unused = new ArrayList<>();
            for (long userId : got) {
                if (!used.contains(userId)) {
                    unused.add(INBOUND + userId);
                }
            }
            TokenBuckets.giveBack(handle, unused, limit);
        }
    }

    /** Drops the user's buckets (inbound rate, slow-down notices, button debounce), in the caller's transaction. */
    public static void forget(Handle handle, long userId) {
        TokenBuckets.forget(handle, INBOUND + userId + "@");
        TokenBuckets.forget(handle, SLOW_DOWN + userId + "@");
        TokenBuckets.forget(handle, DEBOUNCE + userId + ":");
    }

    /** Counted when the batch commits: a handler run undone and run again is counted once. */
    private void countLimited(UpdateContext context, String reason) {
        CommitHooks.afterCommit(context.handle(), () -> registry.counter(LIMITED, "reason", reason).increment());
    }

    private boolean isRepeatPress(UpdateContext context, CallbackQuery query) {
        Integer messageId = query.getMessage() == null ? null : query.getMessage().getMessageId();
        String key = DEBOUNCE + query.getFrom().getId() + ":" + messageId + ":" + query.getData();
        return !TokenBuckets.tryTake(context.handle(), key, debounce, context.now());
    }

    private static void answer(UpdateContext context, CallbackQuery query, String text) {
        context.send(OutboundMessage.of(context.userId(), Priority.NOTICE,
                AnswerCallbackQuery.builder().callbackQueryId(query.getId()).text(text).build()));
    }
}
