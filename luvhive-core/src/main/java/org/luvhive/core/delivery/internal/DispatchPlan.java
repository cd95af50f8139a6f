package org.luvhive.core.delivery.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * What the dispatcher looks at next: due rows in priority order, leaving out chats it
 * already knows must wait, so one busy chat never hides the others. Dispatcher thread only.
 */
public final class DispatchPlan {

    private static final int BATCH = 200;
    private static final int MAX_EXCLUDED = 5000;

    private final Jdbi jdbi;
    private final ChatWaits waits = new ChatWaits();

    public DispatchPlan(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public List<OutboxRow> due(Instant now, Set<Long> skip) {
        long[] excluded = skip.stream().limit(MAX_EXCLUDED).mapToLong(Long::longValue).toArray();
        return jdbi.withHandle(handle -> OutboxStatements.due(handle, now, excluded, BATCH));
    }

    public Set<Long> waiting(Instant now) {
        return waits.waiting(now);
    }

    public void waitUntil(long chatId, Instant time) {
        waits.waitUntil(chatId, time);
    }

    /** Forgets every chat's wait: the limits changed, so what each chat waits for is computed again. */
    public void forgetWaits() {
        waits.clear();
    }

    public Optional<Instant> earliestWait() {
        return waits.earliest();
    }
}
