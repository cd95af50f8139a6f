package org.luvhive.core.chat.internal;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.luvhive.core.chat.ChatMembership;
import org.luvhive.core.chat.RelayedMessage;

/** Rows of {@code chats}, {@code chat_members} and {@code relayed_messages}. */
@RegisterConstructorMapper(ChatMembership.class)
@RegisterConstructorMapper(RelayedMessage.class)
public interface ChatDao {

    String MEMBERSHIP = """
            select m.chat_id, m.user_id, m.partner_id, m.active, c.started_at, c.ended_at
            from chat_members m join chats c on c.id = m.chat_id
            """;

    /** Serialises starting and ending chats and every change to the match queue, across bot instances. */
    @SqlQuery("select 1 from (select pg_advisory_xact_lock(:key)) as locked")
    int lock(@Bind("key") long key);

    @SqlUpdate("insert into chats (started_at) values (:now)")
    @GetGeneratedKeys("id")
    long insertChat(@Bind("now") Instant now);

    @SqlUpdate("insert into chat_members (chat_id, user_id, partner_id) values (:chatId, :userId, :partnerId)")
    void insertMember(@Bind("chatId") long chatId, @Bind("userId") long userId, @Bind("partnerId") long partnerId);

    @SqlQuery(MEMBERSHIP + " where m.user_id = :userId and m.active")
    Optional<ChatMembership> active(@Bind("userId") long userId);

    @SqlQuery(MEMBERSHIP + " where m.user_id = :userId and m.active for update of m")
    Optional<ChatMembership> activeForUpdate(@Bind("userId") long userId);

    /** The user's most recent chat, active or ended. */
    @SqlQuery(MEMBERSHIP + " where m.user_id = :userId order by m.chat_id desc limit 1")
    Optional<ChatMembership> latest(@Bind("userId") long userId);

    @SqlQuery(MEMBERSHIP + " where m.chat_id = :chatId and m.user_id = :userId")
    Optional<ChatMembership> membership(@Bind("chatId") long chatId, @Bind("userId") long userId);

    @SqlUpdate("""
            update chats set ended_at = :now, ended_by = :endedBy, end_reason = :reason
            where id = :chatId and ended_at is null
            """)
    int endChat(@Bind("chatId") long chatId, @Bind("endedBy") long endedBy, @Bind("reason") String reason,
                @Bind("now") Instant now);

    @SqlUpdate("update chat_members set active = false where chat_id = :chatId")
    int deactivateMembers(@Bind("chatId") long chatId);

    @SqlQuery("select count(*) from chats where ended_at is null")
    long countActive();

    /** Forgets one mapping (its copy was unsent); 0 when another unsend took it first. */
    @SqlUpdate("delete from relayed_messages where sender_id = :senderId and source_message_id = :sourceId")
    int deleteRelayed(@Bind("senderId") long senderId, @Bind("sourceId") int sourceId);

    @SqlQuery("select * from relayed_messages where sender_id = :senderId and source_message_id = :sourceId")
    Optional<RelayedMessage> bySource(@Bind("senderId") long senderId, @Bind("sourceId") int sourceId);

    /** The sender's last message (the newest of their own chat) that still has its copy (not unsent, not pruned). */
    @SqlQuery("""
            select * from relayed_messages where sender_id = :senderId order by source_message_id desc limit 1
            """)
    Optional<RelayedMessage> lastOf(@Bind("senderId") long senderId);

    @SqlQuery("select * from relayed_messages where recipient_id = :recipientId and copy_message_id = :copyId")
    Optional<RelayedMessage> byCopy(@Bind("recipientId") long recipientId, @Bind("copyId") int copyId);

    /** Relay mappings of chats that ended before {@code :before}, of copies made before {@code :relayedBefore}. */
    String RELAYED_ENDED_BEFORE = "exists (select 1 from chats c where c.id = r.chat_id and c.ended_at < :before)"
            + " and r.relayed_at < :relayedBefore";

    /** At most {@code batch} of those mappings. */
    @SqlUpdate("delete from relayed_messages where (sender_id, source_message_id) in (select r.sender_id, "
            + "r.source_message_id from relayed_messages r where " + RELAYED_ENDED_BEFORE + " limit :batch)")
    int pruneRelayed(@Bind("before") Instant before, @Bind("relayedBefore") Instant relayedBefore,
                     @Bind("batch") int batch);

    @SqlQuery("select count(*) from relayed_messages r where " + RELAYED_ENDED_BEFORE)
    long countRelayed(@Bind("before") Instant before, @Bind("relayedBefore") Instant relayedBefore);

    /** Ended chats older than the retention (memberships and mappings go with them). */
    @SqlUpdate("delete from chats where ended_at < :before")
    int deleteEndedBefore(@Bind("before") Instant before);

    @SqlQuery("select count(*) from chat_members where user_id = :userId")
    long countChatsOf(@Bind("userId") long userId);

    @SqlQuery("select count(*) from relayed_messages where sender_id = :userId or recipient_id = :userId")
    long countRelayedOf(@Bind("userId") long userId);

    /** Every chat the user was in (both sides' memberships and relay mappings go with them). */
    @SqlUpdate("delete from chats where id in (select chat_id from chat_members where user_id = :userId)")
    int deleteChatsOf(@Bind("userId") long userId);

    /** Relay mappings that name the user (those of their chats go with the chats; this catches any other). */
    @SqlUpdate("delete from relayed_messages where sender_id = :userId or recipient_id = :userId")
    int deleteRelayedOf(@Bind("userId") long userId);

    @SqlQuery("""
            select count(*) from chat_members m join chats c on c.id = m.chat_id
            where m.user_id = :userId and c.started_at > :since
            """)
    int countStartedSince(@Bind("userId") long userId, @Bind("since") Instant since);

    @SqlQuery("""
            select exists (select 1 from chat_members m join chats c on c.id = m.chat_id
                           where m.user_id = :userId and c.started_at >= :from and c.started_at <= :to)
            """)
    boolean startedBetween(@Bind("userId") long userId, @Bind("from") Instant from, @Bind("to") Instant to);
}
