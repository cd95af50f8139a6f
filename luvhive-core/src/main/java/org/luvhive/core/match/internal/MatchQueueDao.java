package org.luvhive.core.match.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.luvhive.core.match.AgeBands;

/**
 * Rows of {@code match_queue}. Callers hold the chat lock ({@code Chats.lock}) before
 * writing.
 */
public interface MatchQueueDao {

    /**
     * Everyone else waiting who could ever be the seeker's partner, the seeker as {@code s},
     * each of them as {@code c} in queue row {@code q}: no block either way, not banned, in
     * no chat, both adults who never said they were under 18, and their ages within each
     * other's {@link AgeBands} unless both accept a wider range (the bands bound as
     * {@code :youngest} and {@code :oldest}, arrays indexed from 1 at age 18). The pairing
     * query and the status count read the same.
     */
    String OTHERS = """

            from match_queue q
            join users c on c.user_id = q.user_id
            join users s on s.user_id = :seeker
            where q.user_id <> :seeker
              and not exists (select 1 from blocks b
                              where (b.blocker_id = s.user_id and b.blocked_id = c.user_id)
                                 or (b.blocker_id = c.user_id and b.blocked_id = s.user_id))
              and not exists (select 1 from bans x
                              where x.user_id = c.user_id and (x.banned_until is null or x.banned_until > :now))
              and not exists (select 1 from chat_members a where a.user_id = c.user_id and a.active)
              and not exists (select 1 from minor_declarations m where m.user_id in (s.user_id, c.user_id))
              and s.age >= 18 and c.age >= 18
              and ((s.wide_age_range and c.wide_age_range)
                   or c.age between (cast(:youngest as int[]))[s.age - 17] and (cast(:oldest as int[]))[s.age - 17])
            """;

    /** The seeker's filters ({@code s}) accept candidate {@code c} (to be applied only while the seeker is premium). */
    String SEEKER_ACCEPTS = """
                       (s.filter_gender is null or s.filter_gender = c.gender)
                   and (s.filter_age_min is null or c.age >= s.filter_age_min)
                   and (s.filter_age_max is null or c.age <= s.filter_age_max)
                   and (not s.filter_same_city or lower(c.city) = lower(s.city))
                   and (not s.filter_same_language or c.language = s.language)
            """;

    @SqlUpdate("""
            insert into match_queue (user_id, enqueued_at) values (:userId, :now)
            on conflict (user_id) do nothing
            """)
    int enqueue(@Bind("userId") long userId, @Bind("now") Instant now);

    @SqlUpdate("delete from match_queue where user_id = :userId")
    int remove(@Bind("userId") long userId);

    /** Takes the user out of the queue; the row they had, when they were in it. */
    @SqlQuery("""
            delete from match_queue where user_id = :userId
            returning user_id, enqueued_at, status_message_id, status_text, status_at, widened
            """)
    @RegisterConstructorMapper(QueueEntry.class)
    Optional<QueueEntry> removeReturning(@Bind("userId") long userId);

    /** One sample for the wait estimate: no user id, only how long a match took. */
    @SqlUpdate("insert into match_waits (matched_at, waited_ms) values (:now, :waitedMs)")
    void recordWait(@Bind("now") Instant now, @Bind("waitedMs") long waitedMs);

    @SqlUpdate("update match_queue set boosted_at = :now where user_id = :userId")
    int boost(@Bind("userId") long userId, @Bind("now") Instant now);

    @SqlQuery("select exists (select 1 from match_queue where user_id = :userId)")
    boolean isWaiting(@Bind("userId") long userId);

    @SqlQuery("select user_id from match_queue order by (boosted_at is null), boosted_at, enqueued_at, user_id")
    List<Long> waitingInOrder();

    @SqlQuery("select count(*) from match_queue")
    long count();

    /**
     * One of the two statements that read other features' tables (users, blocks, bans, chats;
     * read-only, never written here; the other is {@link #countFor}): pairing must weigh profiles, filters, blocks, bans
     * and recent partners of every waiting user at once, under the chat lock, and one
     * indexed query does that where a call per feature per candidate would not.
     * <p>
     * The first waiting user, in queue order, that {@code seeker} may be paired with: not
     * themselves, no block either way, not banned, not a partner of theirs in a chat that
     * ended after {@code rematchSince}, in no active chat, and each side's filters (which
     * apply only while that side is premium, and not after that side took the offer to widen
     * them for this search) accept the other; a filter may require a shared language (the
     * bot's language of each). Boosted users come first; then those who speak the seeker's
     * language, so two people who share a language meet before two who do not; then the
     * longest waiting.
     */
    @SqlQuery("select q.user_id" + OTHERS + """
              and not exists (select 1 from chat_members m join chats h on h.id = m.chat_id
                              where m.user_id = s.user_id and m.partner_id = c.user_id
                                and (h.ended_at is null or h.ended_at > :rematchSince))
              and (s.premium_until is null or s.premium_until <= :now
                   or coalesce((select w.widened from match_queue w where w.user_id = :seeker), false)
                   or (""" + SEEKER_ACCEPTS + """
            ))
              and (c.premium_until is null or c.premium_until <= :now or q.widened or (
                       (c.filter_gender is null or c.filter_gender = s.gender)
                   and (c.filter_age_min is null or s.age >= c.filter_age_min)
                   and (c.filter_age_max is null or s.age <= c.filter_age_max)
                   and (not c.filter_same_city or lower(s.city) = lower(c.city))
                   and (not c.filter_same_language or s.language = c.language)))
            order by (q.boosted_at is null), q.boosted_at, (c.language <> s.language), q.enqueued_at, q.user_id
            limit 1
            for update of q
            """)
    Optional<Long> firstCompatible(@Bind("seeker") long seeker, @Bind("now") Instant now,
                                   @Bind("rematchSince") Instant rematchSince, @Bind("youngest") int[] youngest,
                                   @Bind("oldest") int[] oldest);

    /** {@link #firstCompatible(long, Instant, Instant, int[], int[])} within {@link AgeBands}. */
    default Optional<Long> firstCompatible(long seeker, Instant now, Instant rematchSince) {
        return firstCompatible(seeker, now, rematchSince, AgeBands.youngestByAge(), AgeBands.oldestByAge());
    }

    /** Users waiting since before {@code before} who were not told yet; marks them told. */
    @SqlQuery("""
            update match_queue set waiting_notice_sent = true
            where enqueued_at < :before and not waiting_notice_sent
            returning user_id
            """)
    List<Long> markLongWaiting(@Bind("before") Instant before);

    /** The user's queue row, for the status message: since when, its message, its text, its last edit. */
    @SqlQuery("""
            select user_id, enqueued_at, status_message_id, status_text, status_at, widened from match_queue
            where user_id = :userId
            """)
    @RegisterConstructorMapper(QueueEntry.class)
    Optional<QueueEntry> entry(@Bind("userId") long userId);

    /** Status messages not looked at since {@code before}, the longest unseen first. */
    @SqlQuery("""
            select user_id, enqueued_at, status_message_id, status_text, status_at, widened from match_queue
            where status_message_id is not null and status_at <= :before
            order by status_at, user_id limit :limit
            """)
    @RegisterConstructorMapper(QueueEntry.class)
    List<QueueEntry> statusesDue(@Bind("before") Instant before, @Bind("limit") int limit);

    /** The status message's text as just sent (its id follows once Telegram has it). */
    @SqlUpdate("""
            update match_queue set status_text = :text, status_at = :now
            where user_id = :userId and enqueued_at = :since
            """)
    int startStatus(@Bind("userId") long userId, @Bind("since") Instant since, @Bind("text") String text,
                    @Bind("now") Instant now);

    /** The id Telegram gave the status message of the search that began at {@code since}. */
    @SqlUpdate("""
            update match_queue set status_message_id = :messageId
            where user_id = :userId and enqueued_at = :since and status_message_id is null
            """)
    int setStatusMessage(@Bind("userId") long userId, @Bind("since") Instant since,
                         @Bind("messageId") int messageId);

    /**
     * Takes this look at the status: 1 when nobody (no other instance) looked since
     * {@code seenAt}, so exactly one instance decides whether to edit.
     */
    @SqlUpdate("""
            update match_queue set status_text = :text, status_at = :now
            where user_id = :userId and status_message_id = :messageId and status_at = :seenAt
            """)
    int claimStatus(@Bind("userId") long userId, @Bind("messageId") int messageId, @Bind("seenAt") Instant seenAt,
                    @Bind("text") String text, @Bind("now") Instant now);

    /**
     * Others waiting now who could ever be the seeker's partner (not blocked either way,
     * not banned, in no chat), and how many of them the seeker's filters accept (all, when
     * the seeker has none in force). Reads users, blocks and bans like the pairing query.
     */
    @SqlQuery("""
            select count(*) as others,
                   count(*) filter (where s.premium_until is null or s.premium_until <= :now or :widened or (
            """ + SEEKER_ACCEPTS + """
            )) as fitting""" + OTHERS)
    @RegisterConstructorMapper(WaitingCount.class)
    WaitingCount countFor(@Bind("seeker") long seeker, @Bind("widened") boolean widened, @Bind("now") Instant now,
                          @Bind("youngest") int[] youngest, @Bind("oldest") int[] oldest);

    /** {@link #countFor(long, boolean, Instant, int[], int[])} within {@link AgeBands}. */
    default WaitingCount countFor(long seeker, boolean widened, Instant now) {
        return countFor(seeker, widened, now, AgeBands.youngestByAge(), AgeBands.oldestByAge());
    }

    /** Match waits since {@code since}, shortest first. */
    @SqlQuery("select waited_ms from match_waits where matched_at > :since order by waited_ms")
    List<Long> waitsSince(@Bind("since") Instant since);

    @SqlUpdate("delete from match_waits where matched_at < :before")
    int pruneWaits(@Bind("before") Instant before);

    /** Widens the user's current search; 1 when they were waiting and had not widened it yet. */
    @SqlUpdate("update match_queue set widened = true where user_id = :userId and not widened")
    int widen(@Bind("userId") long userId);

    /** Users waiting since before {@code before}, in queue order, with when they joined. */
    @SqlQuery("""
            select user_id, enqueued_at, status_message_id, status_text, status_at, widened from match_queue
            where enqueued_at <= :before order by enqueued_at, user_id
            """)
    @RegisterConstructorMapper(QueueEntry.class)
    List<QueueEntry> waitingSince(@Bind("before") Instant before);
}
