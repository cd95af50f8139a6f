package org.luvhive.core.chat;

import static org.luvhive.core.bot.ui.Notices.notice;

import java.time.Clock;
import org.jdbi.v3.core.Handle;
import org.luvhive.core.delivery.DeliveredMessage;
import org.luvhive.core.delivery.DeliveryEvents;
import org.luvhive.core.delivery.Outbox;
import org.luvhive.core.delivery.ParkedMessage;
import org.luvhive.core.match.Matcher;

/**
 * What the sender reports back about chats: a delivered copy's new id goes into the relay
 * map; a recipient who blocked the bot leaves chat and queue, and the partner is told; a
 * copy Telegram refused is reported to its sender. Thread-safe.
 */
public final class ChatDeliveryEvents implements DeliveryEvents {

    private final Outbox outbox;
    private final Chats chats;
    private final Matcher matcher;
    private final Clock clock;

    public ChatDeliveryEvents(Outbox outbox, Chats chats, Matcher matcher, Clock clock) {
        this.outbox = outbox;
        this.chats = chats;
        this.matcher = matcher;
        this.clock = clock;
    }

    @Override
    public void delivered(Handle handle, DeliveredMessage delivered) {
        if (delivered.telegramMessageId().isEmpty()) {
            return;
        }
        delivered.correlation().flatMap(RelayCorrelation::parse).ifPresent(relay -> handle.attach(ChatDao.class)
                .insertRelayed(relay.chatId(), relay.senderId(), relay.sourceMessageId(), delivered.chatId(),
                        delivered.telegramMessageId().get()));
    }

    @Override
    public void recipientBlocked(Handle handle, long chatId) {
        userLeft(handle, chatId);
    }

    /** The user stopped the bot: out of queue and chat, and the partner is told. */
    public void userLeft(Handle handle, long userId) {
        matcher.lock(handle);
        matcher.leave(handle, userId);
        chats.end(handle, userId, EndReason.BOT_BLOCKED, clock.instant());
    }

    @Override
    public void parked(Handle handle, ParkedMessage parked) {
        parked.correlation().flatMap(RelayCorrelation::parse).ifPresent(relay -> outbox.enqueue(handle,
                notice(relay.senderId(), "⚠️ One of your messages could not be delivered to your partner.")));
    }
}
