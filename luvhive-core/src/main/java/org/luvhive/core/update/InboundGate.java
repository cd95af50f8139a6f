package org.luvhive.core.update;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import org.jdbi.v3.core.Handle;
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
 * by all instances and taken in the update's own transaction ({@link TokenBuckets}): one
 * statement, no connection or commit of their own, and nothing taken when the handler's
 * writes are rolled back. Thread-safe.
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
     *
     * @param receivedAt when the update was stored: its age when it has no date of its own
     */
    public boolean admit(UpdateContext context, Instant receivedAt) {
        Update update = context.update();
        UpdateKind kind = context.kind();
        long userId = context.userId();
        if (userId == 0 || kind == UpdateKind.PRE_CHECKOUT_QUERY || kind == UpdateKind.MY_CHAT_MEMBER
                || (update.hasMessage() && update.getMessage().getSuccessfulPayment() != null)) {
            return true;
        }
        if (kind == UpdateKind.CALLBACK_QUERY && isRepeatPress(context, update.getCallbackQuery())) {
            registry.counter(LIMITED, "reason", "debounce").increment();
            answer(context, update.getCallbackQuery(), null);
            return false;
        }
        Instant sentAt = UpdateKind.sentAt(update).orElse(receivedAt);
        if (Duration.between(sentAt, context.now()).compareTo(freshness) > 0
                || Duration.between(sentAt, receivedAt).compareTo(LATE_ARRIVAL) > 0) {
            return true;
        }
        Handle handle = context.handle();
        if (TokenBuckets.tryTake(handle, INBOUND + userId, limits.current().inboundPerUser(), context.now())) {
            return true;
        }
        registry.counter(LIMITED, "reason", "rate").increment();
        boolean tellThem = TokenBuckets.tryTake(handle, SLOW_DOWN + userId, slowDownNotices, context.now());
        if (kind == UpdateKind.CALLBACK_QUERY) {
            answer(context, update.getCallbackQuery(), tellThem ? context.text("limits.slow_down_toast") : null);
        } else if (tellThem) {
            context.replyText("limits.slow_down");
        }
        return false;
    }

    /** Drops the user's buckets (inbound rate, slow-down notices, button debounce), in the caller's transaction. */
    public static void forget(Handle handle, long userId) {
        TokenBuckets.forget(handle, INBOUND + userId + "@");
        TokenBuckets.forget(handle, SLOW_DOWN + userId + "@");
        TokenBuckets.forget(handle, DEBOUNCE + userId + ":");
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
