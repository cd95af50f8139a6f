package org.luvhive.core.chat;

import static org.luvhive.core.ui.Notices.notice;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.luvhive.core.chat.internal.RelayedCopies;
import org.luvhive.core.delivery.DeliveredMessage;
import org.luvhive.core.delivery.DeliveryEvents;
import org.luvhive.core.delivery.Outbox;
import org.luvhive.core.delivery.ParkedMessage;
import org.luvhive.core.i18n.Texts;
import org.luvhive.core.user.Users;

/**
 * What the sender reports back about chats: a delivered copy's new id goes into the relay
 * map; a copy Telegram refused is reported to its sender. (A recipient who blocked the bot
 * leaves chat and queue through the composition, which owns both.) Thread-safe.
 */
public final class ChatDeliveryEvents implements DeliveryEvents {

    private final Outbox outbox;
    private final Users users;
    private final Clock clock;

    /** @param clock when a copy counts as made (for the unsend window) */
    public ChatDeliveryEvents(Outbox outbox, Users users, Clock clock) {
        this.outbox = outbox;
        this.users = users;
        this.clock = clock;
    }

    @Override
    public void delivered(Handle handle, DeliveredMessage delivered) {
        deliveredAll(handle, List.of(delivered));
    }

    /** The copies delivered together go into the relay map in one statement. */
    @Override
    public void deliveredAll(Handle handle, List<DeliveredMessage> delivered) {
        List<RelayedCopies.Copy> copies = new ArrayList<>();
        for (DeliveredMessage message : delivered) {
            if (message.telegramMessageId().isEmpty()) {
                continue;
            }
            message.correlation().flatMap(RelayCorrelation::parse).ifPresent(relay -> copies.add(new RelayedCopies.Copy(
                    relay.chatId(), relay.senderId(), relay.sourceMessageId(), message.chatId(),
                    message.telegramMessageId().get())));
        }
        RelayedCopies.insertAll(handle, copies, clock.instant());
    }

    @Override
    public void parked(Handle handle, ParkedMessage parked) {
        parked.correlation().flatMap(RelayCorrelation::parse).ifPresent(relay -> outbox.enqueue(handle,
                notice(relay.senderId(),
                Texts.of(users.language(handle, relay.senderId()), "chat.not_delivered"))));
    }
}
