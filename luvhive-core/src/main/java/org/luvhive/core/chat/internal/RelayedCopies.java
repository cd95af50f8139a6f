package org.luvhive.core.chat.internal;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.luvhive.core.db.SqlArguments;

/**
 * The relay map's insert every relayed message pays for once its copy is delivered: the
 * copies of one delivery commit in one statement, through the fluent API
 * ({@link SqlArguments} says why). Stateless; thread-safe.
 */
public final class RelayedCopies {

    private static final String INSERT_ALL = """
            insert into relayed_messages (chat_id, sender_id, source_message_id, recipient_id, copy_message_id,
                                          relayed_at)
            select r.chat_id, r.sender_id, r.source_id::integer, r.recipient_id, r.copy_id::integer, :now
            from unnest(:chatIds, :senderIds, :sourceIds, :recipientIds, :copyIds)
                 as r(chat_id, sender_id, source_id, recipient_id, copy_id)
            where exists (select 1 from chats where id = r.chat_id)
            on conflict do nothing
            """;

    /** A delivered copy: which original of which chat it stands for, and where it is. */
    public record Copy(long chatId, long senderId, int sourceMessageId, long recipientId, int copyMessageId) {
    }

    private RelayedCopies() {
    }

    /** Records the copies (of chats that still exist; a copy already recorded is kept). */
    public static void insertAll(Handle handle, List<Copy> copies, Instant now) {
        if (copies.isEmpty()) {
            return;
        }
        handle.createUpdate(INSERT_ALL)
                .bind("chatIds", SqlArguments.of(copies.stream().mapToLong(Copy::chatId).toArray()))
                .bind("senderIds", SqlArguments.of(copies.stream().mapToLong(Copy::senderId).toArray()))
                .bind("sourceIds", SqlArguments.of(copies.stream().mapToLong(Copy::sourceMessageId).toArray()))
                .bind("recipientIds", SqlArguments.of(copies.stream().mapToLong(Copy::recipientId).toArray()))
                .bind("copyIds", SqlArguments.of(copies.stream().mapToLong(Copy::copyMessageId).toArray()))
                .bind("now", SqlArguments.of(now)).execute();
    }
}
