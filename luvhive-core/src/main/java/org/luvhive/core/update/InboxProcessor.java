package org.luvhive.core.update;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.luvhive.core.delivery.BlockedRecipients;
import org.luvhive.core.delivery.Outbox;
import org.luvhive.core.telegram.TelegramGateway;
import org.luvhive.core.update.internal.InboxClaims;
import org.luvhive.core.update.internal.InboxDao;
import org.luvhive.core.update.internal.InboxRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Hands stored updates to their handlers, a batch of up to {@value #CLAIM_BATCH} at a time
 * in one transaction: claim the rows, then for each (under a savepoint of its own) gate it
 * (rate limit, debounce), run the handler, mark it handled — so each handler's state
 * changes, its outbox rows and its "handled" mark commit together or not at all, with one
 * commit for the batch. A batch holds at most one pending update per user (the claim keeps
 * a user's updates in order). A failing handler's writes are rolled back to its savepoint
 * and it is retried with back-off up to {@code maxAttempts}, then parked as dead with its
 * error; it never blocks other users' updates, in its batch or after. A handler that takes a
 * lock all instances contend for ends the batch after itself ({@link InboxBatch}). Thread-safe: several
 * threads and instances may call {@link #processNext()} at once.
 */
public final class InboxProcessor {

    public static final String HANDLED = "luvhive.updates.handled";
    public static final String FAILED = "luvhive.updates.failed";
    public static final String HANDLER_TIME = "luvhive.updates.handler";
    /**
     * Updates claimed and committed together. One commit (one WAL flush) per batch instead
     * of per update; small enough that a batch's first copies wait little for its last.
     */
    static final int CLAIM_BATCH = 16;

    private static final Logger LOG = LoggerFactory.getLogger(InboxProcessor.class);

    private final Jdbi jdbi;
    private final ObjectMapper mapper;
    private final UpdateRouter router;
    private final InboundGate gate;
    private final Outbox outbox;
    private final TelegramGateway gateway;
    private final Clock clock;
    private final MeterRegistry registry;
    private final int maxAttempts;
    private final Duration firstRetry;

    public InboxProcessor(Jdbi jdbi, ObjectMapper mapper, UpdateRouter router, InboundGate gate, Outbox outbox,
                          TelegramGateway gateway, Clock clock, MeterRegistry registry, int maxAttempts,
                          Duration firstRetry) {
        this.jdbi = jdbi;
        this.mapper = mapper;
        this.router = router;
        this.gate = gate;
        this.outbox = outbox;
        this.gateway = gateway;
        this.clock = clock;
        this.registry = registry;
        this.maxAttempts = maxAttempts;
        this.firstRetry = firstRetry;
    }

    /** Handles the next due updates, if there are any; returns whether there were. */
    public boolean processNext() {
        List<Failure> failures = new ArrayList<>();
        int claimed = jdbi.inTransaction(handle -> {
            List<InboxRow> rows = InboxClaims.claim(handle, clock.instant(), CLAIM_BATCH);
            if (!rows.isEmpty()) {
                handleBatch(handle, rows, failures);
            }
            return rows.size();
        });
        failures.forEach(this::recordFailure);
        return claimed > 0;
    }

    /**
     * Per batch, not per update: users who write to us are reachable again, and the
     * handled (or skipped) marks are written, each in one statement. Per update: the
     * handler under its own savepoint.
     */
    private void handleBatch(Handle handle, List<InboxRow> rows, List<Failure> failures) {
        Instant now = clock.instant();
        List<InboxRow> readable = new ArrayList<>(rows.size());
        List<UpdateContext> contexts = new ArrayList<>(rows.size());
        Set<Long> writing = new LinkedHashSet<>();
        for (InboxRow row : rows) {
            Update update;
            try {
                update = mapper.readValue(row.payload(), Update.class);
            } catch (JsonProcessingException | IllegalArgumentException unreadable) {
                handle.attach(InboxDao.class).park(row.updateId(), now, "unreadable payload: " + unreadable.getMessage());
                registry.counter(FAILED, "outcome", "dead").increment();
                continue;
            }
            UpdateContext context = new UpdateContext(update, handle, outbox, now, gateway, router.languages());
            if (writesToUs(update) && context.userId() != 0) {
                writing.add(context.userId());
            }
            readable.add(row);
            contexts.add(context);
        }
        BlockedRecipients.reachableAgain(handle, writing);
        Finished finished = new Finished(readable.size());
        for (int index = 0; index < readable.size(); index++) {
            handleRow(handle, readable.get(index), contexts.get(index), finished).ifPresent(failures::add);
            if (InboxBatch.endRequested(handle)) {
                break; // the rest of the claim waits again, unlocked at the commit
            }
        }
        if (finished.count > 0) {
            InboxClaims.finishAll(handle, Arrays.copyOf(finished.updateIds, finished.count),
                    Arrays.copyOf(finished.statuses, finished.count), now);
        }
    }

    /** The updates of a batch whose handler ran (or was skipped by the gate), to be marked together. */
    private static final class Finished {
        private final long[] updateIds;
        private final String[] statuses;
        private int count;

        Finished(int capacity) {
            updateIds = new long[capacity];
            statuses = new String[capacity];
        }

        void add(long updateId, String status) {
            updateIds[count] = updateId;
            statuses[count++] = status;
        }
    }

    /**
     * Runs the handler inside a savepoint, so a failing handler's writes are undone while
     * the claim (the row lock) is kept until the failure is recorded. A savepoint that
     * is not rolled back is left to the commit (releasing it would be one more round trip).
     */
    private Optional<Failure> handleRow(Handle handle, InboxRow row, UpdateContext context,
                                        Finished finished) {
        String savepoint = "update_" + row.updateId();
        handle.savepoint(savepoint);
        try {
            Timer.Sample sample = Timer.start(registry);
            boolean admitted = gate.admit(context, row.receivedAt());
            if (admitted) {
                router.route(context.update()).handle(context);
            }
            finished.add(row.updateId(), admitted ? "handled" : "skipped");
            sample.stop(registry.timer(HANDLER_TIME, "kind", row.kind()));
            registry.counter(HANDLED, "kind", row.kind(), "outcome", admitted ? "handled" : "skipped").increment();
            return Optional.empty();
        } catch (RuntimeException handlerFailure) {
            handle.rollbackToSavepoint(savepoint);
            Instant now = context.now();
            Failure failure = new Failure(row, handlerFailure);
            InboxDao dao = handle.attach(InboxDao.class);
            if (row.attempts() + 1 >= maxAttempts) {
                dao.park(row.updateId(), now, failure.describe());
                failure = failure.parked();
            } else {
                dao.retryLater(row.updateId(), now.plus(backoff(row.attempts())), failure.describe());
            }
            return Optional.of(failure);
        }
    }

    /**
     * Whether the update shows the user can be reached again: anything they send, or their
     * chat with the bot becoming a membership again (they unblocked it).
     */
    private static boolean writesToUs(Update update) {
        if (update.getMyChatMember() != null) {
            var member = update.getMyChatMember().getNewChatMember();
            return member != null && "member".equals(member.getStatus());
        }
        return true;
    }

    private Duration backoff(int attemptsBefore) {
        return firstRetry.multipliedBy(1L << Math.min(attemptsBefore, 10));
    }

    private void recordFailure(Failure failure) {
        registry.counter(FAILED, "outcome", failure.dead ? "dead" : "retry").increment();
        if (failure.dead) {
            LOG.error("Update {} ({}) parked after {} attempts: {}", failure.row.updateId(), failure.row.kind(),
                    failure.row.attempts() + 1, failure.describe(), failure.cause);
        } else {
            LOG.warn("Update {} ({}) failed (attempt {} of {}), will retry: {}", failure.row.updateId(),
                    failure.row.kind(), failure.row.attempts() + 1, maxAttempts, failure.describe());
        }
    }

    /** A handler failure and whether it parked the update. */
    private static final class Failure {
        private final InboxRow row;
        private final RuntimeException cause;
        private boolean dead;

        Failure(InboxRow row, RuntimeException cause) {
            this.row = row;
            this.cause = cause;
        }

        Failure parked() {
            dead = true;
            return this;
        }

        String describe() {
            String message = cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
            return message.length() > 1000 ? message.substring(0, 1000) : message;
        }
    }
}
