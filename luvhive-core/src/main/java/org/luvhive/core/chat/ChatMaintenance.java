package org.luvhive.core.chat;

import java.time.Clock;
import java.time.Duration;
import org.jdbi.v3.core.Jdbi;
import org.luvhive.core.RetentionStep;
import org.luvhive.core.chat.internal.ChatDao;
import org.luvhive.core.chat.internal.ReopenDao;

/**
 * Retention for chats: relay mappings go a short window after the chat ends (long enough
 * for late edits and reports) once their copy is past {@link UnsendCommand#WINDOW} (its
 * sender may unsend it until then), ended chats themselves after a longer one. Thread-safe.
 */
public final class ChatMaintenance {

    private final Jdbi jdbi;
    private final Clock clock;
    private final Duration relayMapRetention;
    private final Duration chatRetention;

    public ChatMaintenance(Jdbi jdbi, Clock clock, Duration relayMapRetention, Duration chatRetention) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.relayMapRetention = relayMapRetention;
        this.chatRetention = chatRetention;
    }

    /** Deletes relay mappings of chats that ended before the window, of copies no longer unsendable, in batches; returns how many. */
    public long pruneRelayMap() {
        return relayMapStep().apply(clock.instant(), RetentionStep.BATCH);
    }

    /** The relay mappings past their window, as {@code luvhive db cleanup} counts and removes them. */
    public RetentionStep relayMapStep() {
        return new RetentionStep("relay_maps", "relayed-message ids of chats that ended more than "
                + RetentionStep.age(relayMapRetention) + " ago, of copies past the " + RetentionStep.age(UnsendCommand.WINDOW)
                + " of /unsend",
                now -> jdbi.withExtension(ChatDao.class, dao -> dao.countRelayed(now.minus(relayMapRetention),
                        now.minus(UnsendCommand.WINDOW))),
                (now, limit) -> jdbi.withExtension(ChatDao.class,
                        dao -> dao.pruneRelayed(now.minus(relayMapRetention), now.minus(UnsendCommand.WINDOW), limit)));
    }

    /** Deletes wishes to reopen chats that ended longer ago than {@link Chats#REOPEN_WINDOW}; returns how many. */
    public int pruneReopenRequests() {
        return jdbi.inTransaction(handle -> handle.attach(ReopenDao.class)
                .prune(clock.instant().minus(Chats.REOPEN_WINDOW)));
    }

    /** Deletes ended chats older than the retention; returns how many. */
    public int deleteOldChats() {
        return jdbi.inTransaction(handle -> handle.attach(ChatDao.class)
                .deleteEndedBefore(clock.instant().minus(chatRetention)));
    }
}
