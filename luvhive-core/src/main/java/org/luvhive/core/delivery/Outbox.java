package org.luvhive.core.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.luvhive.core.delivery.internal.MethodTypes;
import org.luvhive.core.delivery.internal.OutboxDao;
import org.luvhive.core.delivery.internal.OutboxStatements;

/**
 * Where handlers put what they want sent. Rows are written in the caller's transaction,
 * together with the state change that caused them, so state and messages cannot
 * disagree after a crash; the sender makes the calls later, under the rate limits.
 * Thread-safe.
 */
public final class Outbox {

    private final ObjectMapper mapper;
    private final Clock clock;
    private final Runnable wakeSender;

    /**
     * @param wakeSender run after a transaction that enqueued rows commits, so a sender in
     *                   this process starts on them at once instead of at its next poll
     */
    public Outbox(ObjectMapper mapper, Clock clock, Runnable wakeSender) {
        this.mapper = mapper;
        this.clock = clock;
        this.wakeSender = wakeSender;
    }

    /** Queues one call in the caller's transaction and returns its outbox id. */
    public long enqueue(Handle handle, OutboundMessage message) {
        String method = MethodTypes.nameOf(message.method());
        String payload;
        try {
            payload = mapper.writeValueAsString(message.method());
        } catch (JsonProcessingException unserialisable) {
            throw new IllegalArgumentException("cannot serialise " + method + " for the outbox", unserialisable);
        }
        long id = OutboxStatements.insert(handle, message.chatId(), message.priority().rank(), method, payload,
                message.correlation().orElse(null), clock.instant());
        handle.afterCommit(wakeSender);
        return id;
    }

    public void enqueueAll(Handle handle, List<OutboundMessage> messages) {
        messages.forEach(message -> enqueue(handle, message));
    }

    /**
     * Deletes every row for {@code chatId} (queued, in flight, sent, parked), in the
     * caller's transaction: how what was sent to a user goes when the user is forgotten.
     * A call in flight still completes; its outcome finds no row and is dropped.
     */
    public void forget(Handle handle, long chatId) {
        handle.attach(OutboxDao.class).deleteFor(chatId);
    }

    /**
     * Rows whose correlation matches the SQL LIKE {@code pattern} lose payload and
     * correlation, and are cancelled if still queued: how messages that carry a forgotten
     * user's content or id to someone else go (the feature that correlated them knows the
     * pattern).
     */
    public void forgetCorrelated(Handle handle, String pattern) {
        handle.attach(OutboxDao.class).dropCorrelated(pattern);
    }
}
