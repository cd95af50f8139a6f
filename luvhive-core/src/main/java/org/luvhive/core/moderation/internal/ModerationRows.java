package org.luvhive.core.moderation.internal;

import static org.luvhive.core.db.SqlArguments.instant;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.luvhive.core.db.SqlArguments;
import org.luvhive.core.moderation.Ban;

/**
 * The moderation statements every relayed message pays for (the ban check, the screening
 * state), through the fluent API with their row mappers given ({@link SqlArguments} says
 * why: attaching a SqlObject DAO was a quarter of the handler threads' CPU); the rest of
 * moderation's tables are its DAOs'. Stateless; thread-safe.
 */
public final class ModerationRows {

    private static final String BAN = """
            select user_id, banned_until, reason, banned_by, created_at from bans where user_id = :userId
            """;

    /**
     * What screening a message needs from the database, in one round trip: when the user's
     * mute ends (null: not muted) and, with a fingerprint, in how many distinct chats the
     * user sent it since {@code since}, this one included (the fingerprint is recorded).
     */
    private static final String SCREENING_STATE = """
            with added as (
                insert into message_fingerprints (user_id, fingerprint, chat_id, at)
                select :userId, cast(:fingerprint as bigint), :chatId, :now where :fingerprint is not null
            )
            select (select until from moderation_mutes where user_id = :userId and until > :now) as muted_until,
                   case when :fingerprint is null then 0 else
                       (select count(distinct chat_id) + case when bool_or(chat_id = :chatId) then 0 else 1 end
                        from message_fingerprints
                        where user_id = :userId and fingerprint = cast(:fingerprint as bigint) and at > :since)
                   end as partners
            """;

    private static final RowMapper<Ban> BAN_ROW = (row, context) -> new Ban(row.getLong("user_id"),
            instant(row, "banned_until"), row.getString("reason"), row.getLong("banned_by"),
            instant(row, "created_at"));

    private static final RowMapper<ScreeningState> SCREENING_ROW = (row, context) -> new ScreeningState(
            instant(row, "muted_until"), row.getInt("partners"));

    private ModerationRows() {
    }

    /** The user's ban, lifted or not (empty: never banned, or unbanned). */
    public static Optional<Ban> ban(Handle handle, long userId) {
        return handle.createQuery(BAN).bind("userId", SqlArguments.of(userId)).map(BAN_ROW).findOne();
    }

    /** See {@link #SCREENING_STATE}; a null {@code fingerprint} records and counts nothing. */
    public static ScreeningState screeningState(Handle handle, long userId, Long fingerprint, long chatId,
                                                Instant now, Instant since) {
        return handle.createQuery(SCREENING_STATE).bind("userId", SqlArguments.of(userId))
                .bind("fingerprint", SqlArguments.ofNullable(fingerprint)).bind("chatId", SqlArguments.of(chatId))
                .bind("now", SqlArguments.of(now)).bind("since", SqlArguments.of(since)).map(SCREENING_ROW).one();
    }
}
