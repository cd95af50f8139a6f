package org.luvhive.core.chat;

import java.time.Clock;
import java.time.Duration;
import org.jdbi.v3.core.Jdbi;
import org.luvhive.core.chat.internal.ChatDao;

/**
 * Retention for chats: relay mappings go a short window after the chat ends (long enough
 * for late edits and reports), ended chats themselves after a longer one. Thread-safe.
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

    /** Deletes relay mappings of chats that ended before the window; returns how many. */
    public int pruneRelayMap() {
        return jdbi.inTransaction(handle -> handle.attach(ChatDao.class)
                .pruneRelayed(clock.instant().minus(relayMapRetention)));
    }

    /** Deletes ended chats older than the retention; returns how many. */
    public int deleteOldChats() {
        return jdbi.inTransaction(handle -> handle.attach(ChatDao.class)
                .deleteEndedBefore(clock.instant().minus(chatRetention)));
    }
}
