package org.luvhive.core.delivery.internal;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.jdbi.v3.core.Jdbi;
import org.luvhive.core.delivery.DeliveryEvents;
import org.luvhive.core.delivery.OutboxSender;
import org.luvhive.core.delivery.ParkedMessage;
import org.luvhive.core.delivery.SenderSettings;
import org.luvhive.core.delivery.ViolationsLog;
import org.luvhive.core.telegram.TelegramCallException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.MessageId;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * Records what became of a call, each outcome in one transaction with the domain's
 * reaction ({@link DeliveryEvents}): sent (several marks in one commit under load); FloodWait (the row goes back, the scope
 * pauses, the event is logged); blocked (the user is marked, their queue cancelled);
 * refused (parked with Telegram's reason); transient (back-off with jitter, parked after
 * the last attempt). An edit Telegram calls "not modified" counts as sent. Nothing is
 * dropped silently. Thread-safe.
 */
public final class SendOutcomes {

    private static final Logger LOG = LoggerFactory.getLogger(SendOutcomes.class);

    private final Jdbi jdbi;
    private final DeliveryEvents events;
    private final ChatPauses pauses;
    private final ViolationsLog violations;
    private final Clock clock;
    private final MeterRegistry registry;
    private final SenderSettings settings;
    private final SentMarks sentMarks;

    public SendOutcomes(Jdbi jdbi, DeliveryEvents events, ChatPauses pauses, ViolationsLog violations, Clock clock,
                        MeterRegistry registry, SenderSettings settings) {
        this.jdbi = jdbi;
        this.events = events;
        this.pauses = pauses;
        this.violations = violations;
        this.clock = clock;
        this.registry = registry;
        this.settings = settings;
        this.sentMarks = new SentMarks(jdbi, events, clock);
    }

    /**
     * Telegram accepted the call that left at {@code sentAt}: marked sent, with the calls
     * other workers finished meanwhile, in one commit ({@link SentMarks}); returns once
     * committed.
     */
    public void sent(OutboxRow row, Serializable result, Instant sentAt) {
        pauses.accepted(row.chatId(), sentAt, clock.instant());
        Optional<Integer> messageId = messageId(result);
        sentMarks.mark(row, messageId);
    }

    /** The call that left at {@code sentAt} failed. */
    public void failed(OutboxRow row, TelegramCallException failure, Instant sentAt) {
        Instant now = clock.instant();
        switch (failure.failure()) {
            case FLOOD_WAIT -> floodWait(row, failure, sentAt, now);
            case BLOCKED -> blocked(row, failure, now);
            case BAD_REQUEST -> {
                if (notModified(failure)) {
                    sent(row, null, sentAt); // an edit to the text the message already shows: done, not an error
                } else {
                    park(row, failure.description(), "refused");
                }
            }
            default -> retryOrPark(row, failure.getMessage(), now);
        }
    }

    /** A row whose payload could not be turned back into a call: it can never be sent. */
    public void unreadable(OutboxRow row, Exception problem) {
        park(row, "unreadable payload: " + problem.getMessage(), "unreadable");
    }

    private void floodWait(OutboxRow row, TelegramCallException failure, Instant sentAt, Instant now) {
        Duration retryAfter = failure.retryAfter().orElse(Duration.ofSeconds(5));
        ChatPauses.Scope scope = pauses.floodWait(row.chatId(), retryAfter, sentAt, now);
        String scopeName = scope.name().toLowerCase(Locale.ROOT);
        registry.counter(OutboxSender.FLOOD_WAITS, "scope", scopeName, "method", row.method()).increment();
        violations.floodWait(now, row.chatId(), row.method(), retryAfter.toSeconds(), scopeName);
        LOG.warn("FloodWait: Telegram asked to wait {} s ({} scope, chat {}, {}); message {} put back",
                retryAfter.toSeconds(), scopeName, row.chatId(), row.method(), row.id());
        jdbi.useTransaction(handle -> handle.attach(OutboxDao.class)
                .requeue(row.id(), now.plus(retryAfter), failure.description(), true));
    }

    /**
     * Marks the user blocked unless they wrote to us after the row was queued. The check
     * and the marking run in one transaction under the recipient's lock, which the intake
     * also takes while it handles what the user sent ({@link RecipientLock}): an update
     * handled in between could otherwise have its answer cancelled and its sender marked.
     */
    private void blocked(OutboxRow row, TelegramCallException failure, Instant now) {
        boolean marked = jdbi.inTransaction(handle -> {
            RecipientLock.lock(handle, row.chatId());
            DeliveryDao delivery = handle.attach(DeliveryDao.class);
            if (delivery.wroteSince(row.chatId(), row.createdAt())) {
                return false;
            }
            OutboxDao outbox = handle.attach(OutboxDao.class);
            outbox.park(row.id(), failure.description());
            outbox.cancelQueuedFor(row.chatId(), "recipient blocked the bot");
            delivery.markBlocked(row.chatId(), now, failure.description());
            events.recipientBlocked(handle, row.chatId());
            return true;
        });
        if (!marked) {
            // they wrote to us after this was queued: the refusal is older than their return
            park(row, failure.description() + " (the user has written since; not marked as blocked)", "refused");
            return;
        }
        registry.counter(OutboxSender.BLOCKED).increment();
        LOG.info("Chat {} blocked the bot ({}); its queued messages are cancelled", row.chatId(), failure.description());
    }

    private void retryOrPark(OutboxRow row, String reason, Instant now) {
        if (row.attempts() + 1 >= settings.maxAttempts()) {
            park(row, "gave up after " + (row.attempts() + 1) + " attempts: " + reason, "retries");
            return;
        }
        Duration backoff = backoff(row.attempts() + 1);
        LOG.warn("Sending message {} to chat {} failed (attempt {} of {}): {}; retrying in {} ms", row.id(),
                row.chatId(), row.attempts() + 1, settings.maxAttempts(), reason, backoff.toMillis());
        jdbi.useTransaction(handle -> handle.attach(OutboxDao.class).requeue(row.id(), now.plus(backoff), reason, false));
    }

    /** Exponential from {@code firstRetry}, capped, with full jitter in its upper half. */
    Duration backoff(int attempts) {
        long base = settings.firstRetry().toMillis() << Math.min(Math.max(attempts - 1, 0), 20);
        long capped = Math.min(base, settings.maxRetry().toMillis());
        long jittered = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
        return Duration.ofMillis(Math.max(1, jittered));
    }

    private void park(OutboxRow row, String reason, String why) {
        registry.counter(OutboxSender.PARKED, "reason", why).increment();
        LOG.warn("Message {} to chat {} ({}) parked: {}", row.id(), row.chatId(), row.method(), reason);
        jdbi.useTransaction(handle -> {
            if (handle.attach(OutboxDao.class).park(row.id(), reason) == 1) {
                events.parked(handle, new ParkedMessage(row.id(), row.chatId(), row.method(),
                        Optional.ofNullable(row.correlation()), reason));
            }
        });
    }

    /** Telegram's answer to an edit that changes nothing (e.g. one retried after a crash). */
    private static boolean notModified(TelegramCallException failure) {
        return failure.description() != null && failure.description().contains("message is not modified");
    }

    private static Optional<Integer> messageId(Serializable result) {
        if (result instanceof Message message) {
            return Optional.ofNullable(message.getMessageId());
        }
        if (result instanceof MessageId messageId) {
            return Optional.ofNullable(messageId.getMessageId()).map(Long::intValue);
        }
        return Optional.empty();
    }
}
