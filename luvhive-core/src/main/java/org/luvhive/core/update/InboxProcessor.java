package org.luvhive.core.update;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.luvhive.core.db.CommitHooks;
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
 * in one transaction: claim the rows, then for each gate it (rate limit, debounce), run
 * the handler, mark it handled — so each handler's state changes, its outbox rows and its
 * "handled" mark commit together or not at all, with one commit for the batch. A user's
 * updates are handled in order and by one transaction at a time: several of them in one
 * claim run one after another in its batch, and one whose user's earlier update another
 * transaction is handling waits for that one's commit ({@link InboxClaims#claim}).
 * A failing handler's writes are undone (the batch goes back to a savepoint and runs the
 * others again, each under a savepoint of its own) and it is retried with back-off up to
 * {@code maxAttempts}, then parked as dead with its error; it never blocks other users'
 * updates, in its batch or after. A handler that takes a lock all instances contend for
 * ends the batch after itself ({@link InboxBatch}). Thread-safe: several threads and
 * instances may call {@link #processNext()} at once.
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
        List<Finished> committed = new ArrayList<>(1);
        InboxClaims.Front front = jdbi.inTransaction(handle -> {
            InboxClaims.Front claim = InboxClaims.claim(handle, clock.instant(), CLAIM_BATCH);
            if (claim.heldWhole()) {
                handle.rollback(); // frees the front's rows: the transaction working through them takes them next
            } else {
                handleClaimed(handle, claim.rows(), committed, failures);
            }
            return claim;
        });
        int claimed = front.heldWhole()
                ? jdbi.inTransaction(handle -> handleClaimed(handle,
                        InboxClaims.claimPastHeld(handle, clock.instant(), CLAIM_BATCH, front), committed, failures))
                : front.rows().size();
        committed.forEach(finished -> finished.count(registry)); // counted once the batch committed
        failures.forEach(this::logFailure);
        return claimed > 0;
    }

    private int handleClaimed(Handle handle, List<InboxRow> rows, List<Finished> committed, List<Failure> failures) {
        if (!rows.isEmpty()) {
            committed.add(handleBatch(handle, rows, failures));
        }
        return rows.size();
    }

    /**
     * Per batch, not per update: users who write to us are reachable again, and the
     * handled (or skipped) marks are written, each in one statement. The handlers run one
     * after another without a savepoint each (a savepoint is a round trip): one savepoint
     * is taken before them, and when a handler fails, the batch goes back to it and runs
     * again with a savepoint per update, so only the failing update's writes are undone
     * ({@link #handleAlone}). A handler that called Telegram directly is never run again
     * for a later one's failure: a savepoint after it keeps it ({@link UpdateContext#calledTelegram}).
     * Run again, a handler sees the state as it was before its first run; only its own
     * in-memory effects (a log line, a count) may show twice, and {@link CommitHooks} keeps
     * the hooks of undone runs from running. The batch's inbound tokens are taken together,
     * in one statement, after the first savepoint ({@link InboundGate#takeTogether}); the
     * tokens of updates that did not finish (failed, or left for the next claim) are given
     * back before the commit, so each update spends one token, as when each took its own.
     */
    private Finished handleBatch(Handle handle, List<InboxRow> rows, List<Failure> failures) {
        Instant now = clock.instant();
        List<InboxRow> readable = new ArrayList<>(rows.size());
        List<UpdateContext> contexts = new ArrayList<>(rows.size());
        List<Instant> receivedAt = new ArrayList<>(rows.size());
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
            UpdateContext context = context(handle, update, now);
            if (writesToUs(update) && context.userId() != 0) {
                writing.add(context.userId());
            }
            readable.add(row);
            contexts.add(context);
            receivedAt.add(row.receivedAt());
        }
        BlockedRecipients.reachableAgain(handle, writing);
        Finished finished = new Finished(readable.size());
        Savepoint checkpoint = Savepoint.take(handle, "batch_0");
        int finalBefore = 0; // the updates before it are final: a later failure does not run them again
        InboundGate.BatchTokens tokens = takeTogether(handle, checkpoint, contexts, receivedAt);
        boolean eachAlone = false;
        for (int index = 0; index < readable.size(); index++) {
            InboxRow row = readable.get(index);
            if (eachAlone) {
                handleAlone(handle, row, again(contexts.get(index)), tokens, finished).ifPresent(failures::add);
            } else {
                UpdateContext context = contexts.get(index);
                try {
                    runHandler(row, context, tokens, finished);
                    if (context.calledTelegram()) {
                        finalBefore = index + 1;
                        checkpoint = Savepoint.take(handle, "batch_" + finalBefore);
                    }
                } catch (RuntimeException handlerFailure) {
                    checkpoint.rollBack(handle);
                    finished.truncate(finalBefore);
                    if (finalBefore == 0) {
                        tokens = InboundGate.BatchTokens.NONE; // undone with the rest: each takes its own again
                    }
                    eachAlone = true;
                    if (!redo(handle, readable, contexts, finalBefore, index, tokens, finished, failures)) {
                        break; // a handler run again ended the batch: this update waits for the next claim
                    }
                    failures.add(recordFailure(handle, row, handlerFailure, now));
                }
            }
            if (InboxBatch.endRequested(handle)) {
                break; // the rest of the claim waits again, unlocked at the commit
            }
        }
        tokens.giveBackUnused(handle, finished.users());
        if (finished.count > 0) {
            InboxClaims.finishAll(handle, Arrays.copyOf(finished.updateIds, finished.count),
                    Arrays.copyOf(finished.statuses, finished.count), now);
        }
        return finished;
    }

    /**
     * The batch's inbound tokens in one statement; none when it fails, and then each update
     * takes its own under its own failure handling, so no update can stop the batch.
     */
    private InboundGate.BatchTokens takeTogether(Handle handle, Savepoint checkpoint, List<UpdateContext> contexts,
                                                 List<Instant> receivedAt) {
        try {
            return gate.takeTogether(handle, contexts, receivedAt);
        } catch (RuntimeException failure) {
            checkpoint.rollBack(handle);
            handle.savepoint(checkpoint.name()); // Jdbi forgets a savepoint once rolled back to: the batch keeps it
            LOG.warn("Taking a batch's inbound tokens together failed, each takes its own: {}", failure.toString());
            return InboundGate.BatchTokens.NONE;
        }
    }

    /**
     * Runs the updates {@code from} (inclusive) to {@code to} (exclusive) again, each under its
     * own savepoint; false when one of them ended the batch.
     */
    private boolean redo(Handle handle, List<InboxRow> rows, List<UpdateContext> contexts, int from, int to,
                         InboundGate.BatchTokens tokens, Finished finished, List<Failure> failures) {
        for (int index = from; index < to; index++) {
            handleAlone(handle, rows.get(index), again(contexts.get(index)), tokens, finished).ifPresent(failures::add);
            if (InboxBatch.endRequested(handle)) {
                return false;
            }
        }
        return true;
    }

    private UpdateContext context(Handle handle, Update update, Instant now) {
        return new UpdateContext(update, handle, outbox, now, gateway, router.languages());
    }

    /** A fresh context for an update run again: nothing its undone run learned (its language) carries over. */
    private UpdateContext again(UpdateContext context) {
        return context(context.handle(), context.update(), context.now());
    }

    /**
     * A savepoint and the after-commit hooks registered before it: rolling back to it undoes
     * the writes, the hooks and any request to end the batch made since.
     */
    private record Savepoint(String name, int hooks) {

        static Savepoint take(Handle handle, String name) {
            handle.savepoint(name);
            return new Savepoint(name, CommitHooks.mark(handle));
        }

        void rollBack(Handle handle) {
            handle.rollbackToSavepoint(name);
            CommitHooks.discardFrom(handle, hooks);
            InboxBatch.forgetEnd(handle);
        }
    }

    /** The updates of a batch whose handler ran (or was skipped by the gate), to be marked and counted together. */
    private static final class Finished {
        private final long[] updateIds;
        private final long[] userIds;
        private final String[] statuses;
        private final String[] kinds;
        private final long[] nanos;
        private int count;

        Finished(int capacity) {
            updateIds = new long[capacity];
            userIds = new long[capacity];
            statuses = new String[capacity];
            kinds = new String[capacity];
            nanos = new long[capacity];
        }

        void add(InboxRow row, long userId, String status, long took) {
            updateIds[count] = row.updateId();
            userIds[count] = userId;
            kinds[count] = row.kind();
            nanos[count] = took;
            statuses[count++] = status;
        }

        /** The users whose update finished: their inbound token, if one was taken, was used. */
        Set<Long> users() {
            Set<Long> users = new HashSet<>(count * 2);
            for (int index = 0; index < count; index++) {
                users.add(userIds[index]);
            }
            return users;
        }

        /** Forgets the updates from {@code kept} on: their writes were undone. */
        void truncate(int kept) {
            count = Math.min(count, kept);
        }

        void count(MeterRegistry registry) {
            for (int index = 0; index < count; index++) {
                registry.timer(HANDLER_TIME, "kind", kinds[index]).record(nanos[index], TimeUnit.NANOSECONDS);
                registry.counter(HANDLED, "kind", kinds[index], "outcome", statuses[index]).increment();
            }
        }
    }

    /** Gates the update and runs its handler; what it wrote stays unless the caller rolls it back. */
    private void runHandler(InboxRow row, UpdateContext context, InboundGate.BatchTokens tokens, Finished finished) {
        long started = System.nanoTime();
        boolean admitted = gate.admit(context, row.receivedAt(), tokens);
        if (admitted) {
            router.route(context.update()).handle(context);
        }
        finished.add(row, context.userId(), admitted ? "handled" : "skipped", System.nanoTime() - started);
    }

    /**
     * Runs the handler inside a savepoint, so a failing handler's writes are undone while
     * the claim (the row lock) is kept until the failure is recorded. A savepoint that
     * is not rolled back is left to the commit (releasing it would be one more round trip).
     */
    private Optional<Failure> handleAlone(Handle handle, InboxRow row, UpdateContext context,
                                          InboundGate.BatchTokens tokens, Finished finished) {
        Savepoint savepoint = Savepoint.take(handle, "update_" + row.updateId());
        try {
            runHandler(row, context, tokens, finished);
            return Optional.empty();
        } catch (RuntimeException handlerFailure) {
            savepoint.rollBack(handle);
            return Optional.of(recordFailure(handle, row, handlerFailure, context.now()));
        }
    }

    /** Schedules the update's next attempt, or parks it after its last. */
    private Failure recordFailure(Handle handle, InboxRow row, RuntimeException handlerFailure, Instant now) {
        Failure failure = new Failure(row, handlerFailure);
        InboxDao dao = handle.attach(InboxDao.class);
        if (row.attempts() + 1 >= maxAttempts) {
            dao.park(row.updateId(), now, failure.describe());
            return failure.parked();
        }
        dao.retryLater(row.updateId(), now.plus(backoff(row.attempts())), failure.describe());
        return failure;
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

    private void logFailure(Failure failure) {
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
