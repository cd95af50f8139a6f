package org.luvhive.core.chat.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Rows of {@code held_media} and the receiver's {@code chat_members.media_consent}. */
@RegisterConstructorMapper(HeldMedia.class)
public interface HeldMediaDao {

    /**
     * The receiver's answer in this chat ({@code asked}, {@code allowed}, {@code declined}, or
     * empty: never asked), their side of the chat locked for the rest of the transaction, so a
     * message being held and the answer being given never pass each other. Empty too when the
     * chat is over.
     */
    @SqlQuery("""
            select coalesce(media_consent, 'none') from chat_members
            where chat_id = :chatId and user_id = :recipientId and active
            for update
            """)
    Optional<String> consentForUpdate(@Bind("chatId") long chatId, @Bind("recipientId") long recipientId);

    @SqlUpdate("update chat_members set media_consent = :consent where chat_id = :chatId and user_id = :recipientId")
    int setConsent(@Bind("chatId") long chatId, @Bind("recipientId") long recipientId, @Bind("consent") String consent);

    @SqlUpdate("""
            insert into held_media (chat_id, sender_id, recipient_id, source_message_id, kind, file_id, caption,
                                    caption_entities, reply_to_copy_id, held_at)
            values (:chatId, :senderId, :recipientId, :sourceId, :kind, :fileId, :caption, :captionEntities,
                    :replyTo, :now)
            on conflict do nothing
            """)
    int hold(@Bind("chatId") long chatId, @Bind("senderId") long senderId, @Bind("recipientId") long recipientId,
             @Bind("sourceId") int sourceId, @Bind("kind") String kind, @Bind("fileId") String fileId,
             @Bind("caption") String caption, @Bind("captionEntities") String captionEntities,
             @Bind("replyTo") Integer replyTo, @Bind("now") Instant now);

    /** Takes every medium held for {@code recipientId} in the chat, oldest first. */
    @SqlQuery("""
            with taken as (delete from held_media where chat_id = :chatId and recipient_id = :recipientId returning *)
            select id, chat_id, sender_id, recipient_id, source_message_id, kind, file_id, caption, caption_entities,
                   reply_to_copy_id
            from taken order by id
            """)
    List<HeldMedia> take(@Bind("chatId") long chatId, @Bind("recipientId") long recipientId);

    /** Withdraws one held medium (its sender unsent it before it was shown); 0 when none. */
    @SqlUpdate("delete from held_media where sender_id = :senderId and source_message_id = :sourceId")
    int withdraw(@Bind("senderId") long senderId, @Bind("sourceId") int sourceId);

    @SqlUpdate("delete from held_media where chat_id = :chatId")
    int clear(@Bind("chatId") long chatId);

    @SqlUpdate("delete from held_media where sender_id = :userId or recipient_id = :userId")
    int forget(@Bind("userId") long userId);
}
