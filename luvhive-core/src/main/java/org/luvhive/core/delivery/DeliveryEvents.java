package org.luvhive.core.delivery;

import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * What the sender tells the code that owns a chat, each inside the transaction that
 * records the outcome, so the domain's reaction and the outbox state commit together.
 * Implementations must be thread-safe and quick; they may enqueue further messages
 * through {@link Outbox#enqueue(Handle, OutboundMessage)}.
 */
public interface DeliveryEvents {

    /** Telegram accepted the call. */
    default void delivered(Handle handle, DeliveredMessage delivered) {
    }

    /**
     * Several calls were accepted and are recorded in one transaction; by default
     * {@link #delivered} for each, in order. A listener that writes a row per message
     * overrides it to write them in one statement.
     */
    default void deliveredAll(Handle handle, List<DeliveredMessage> delivered) {
        delivered.forEach(message -> delivered(handle, message));
    }

    /**
     * The recipient blocked the bot (403). Their queued messages are already cancelled
     * and they are marked as having blocked the bot; the owner of their chat ends it.
     */
    default void recipientBlocked(Handle handle, long chatId) {
    }

    /** The call was refused for good (400) or ran out of retries. */
    default void parked(Handle handle, ParkedMessage parked) {
    }

    /** Events that go nowhere. */
    static DeliveryEvents none() {
        return new DeliveryEvents() {
        };
    }

    /** Fans each event out to every listener, in order. */
    static DeliveryEvents all(List<DeliveryEvents> listeners) {
        List<DeliveryEvents> copy = List.copyOf(listeners);
        return new DeliveryEvents() {
            @Override
            public void delivered(Handle handle, DeliveredMessage delivered) {
                copy.forEach(listener -> listener.delivered(handle, delivered));
            }

            @Override
            public void deliveredAll(Handle handle, List<DeliveredMessage> delivered) {
                copy.forEach(listener -> listener.deliveredAll(handle, delivered));
            }

            @Override
            public void recipientBlocked(Handle handle, long chatId) {
                copy.forEach(listener -> listener.recipientBlocked(handle, chatId));
            }

            @Override
            public void parked(Handle handle, ParkedMessage parked) {
                copy.forEach(listener -> listener.parked(handle, parked));
            }
        };
    }
}
