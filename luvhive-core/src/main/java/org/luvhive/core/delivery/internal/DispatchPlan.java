package org.luvhive.core.delivery.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * What the dispatcher looks at next: due rows in priority order, leaving out chats it
 * already knows must wait, so one busy chat never hides the others. The due rows (the
 * next of each chat) are read in one query and offered pass after pass until each is
 * taken, for up to {@link #REFRESH}, or until none left can go: under load a pass starts
 * only the one or two sends whose workers just finished, and reading the due rows for
 * each pass was the sender's largest cost (a query over every pending row, 1-1.3 ms of
 * PostgreSQL's time per pass with 10,000 queued). The claim checks each row again, so a
 * row offered from an older read can only be found gone or not yet its turn; a row
 * queued meanwhile, of a chat not offered, waits at most {@link #REFRESH}. Dispatcher
 * thread only.
 */
public final class DispatchPlan {

    static final Duration REFRESH = Duration.ofMillis(50);
    private static final int BATCH = 200;
    private static final int MAX_EXCLUDED = 5000;

    private final Jdbi jdbi;
    private final ChatWaits waits = new ChatWaits();
    /** The next row of each chat as last read, in priority order, by chat. */
    private final Map<Long, OutboxRow> offered = new LinkedHashMap<>();
    private Instant readAt = Instant.MIN;

    public DispatchPlan(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The due rows of chats not in {@code skip}, in priority order (the next of each chat). */
    public List<OutboxRow> due(Instant now, Set<Long> skip) {
        boolean fresh = now.isBefore(readAt.plus(REFRESH)) && !now.isBefore(readAt);
        if (!fresh || offered.keySet().stream().allMatch(skip::contains)) {
            long[] excluded = skip.stream().limit(MAX_EXCLUDED).mapToLong(Long::longValue).toArray();
            List<OutboxRow> rows = jdbi.withHandle(handle -> OutboxStatements.due(handle, now, excluded, BATCH));
            offered.clear();
            rows.forEach(row -> offered.putIfAbsent(row.chatId(), row));
            readAt = now;
        }
        return offered.values().stream().filter(row -> !skip.contains(row.chatId())).toList();
    }

    /** The dispatcher is done with this row (started it, or found it gone): not offered again until read again. */
    public void taken(OutboxRow row) {
        offered.remove(row.chatId(), row);
    }

    public Set<Long> waiting(Instant now) {
        return waits.waiting(now);
    }

    public void waitUntil(long chatId, Instant time) {
        waits.waitUntil(chatId, time);
    }

    /** Forgets every chat's wait and the rows read: the limits changed, so what each chat waits for is computed again. */
    public void forgetWaits() {
        waits.clear();
        offered.clear();
        readAt = Instant.MIN;
    }

    public Optional<Instant> earliestWait() {
        return waits.earliest();
    }
}
