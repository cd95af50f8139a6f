package org.luvhive.core.update;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.luvhive.core.telegram.RawUpdate;
import org.luvhive.core.update.internal.InboxClaims;
import org.luvhive.core.update.internal.IncomingUpdate;
import org.luvhive.core.update.internal.InboxDao;
import org.luvhive.core.update.internal.QuarantineDao;
import org.postgresql.util.PSQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Stores updates as they arrive (long poll or webhook), before Telegram is told they were
 * received; a redelivered {@code update_id} is recognised and stored once. An update that
 * cannot be stored or understood (not JSON, no update_id, a message without its chat, a
 * value PostgreSQL refuses) goes to the quarantine instead, in the same transaction, so it
 * is confirmed with the others and never holds them up; it is counted in
 * {@value #QUARANTINED}{@code {category}} and logged without its content. A failure of
 * the database itself stores nothing and is thrown: the batch stays unconfirmed and comes
 * again. Thread-safe.
 */
public final class InboxStore {

    public static final String RECEIVED = "luvhive.updates.received";
    public static final String DUPLICATES = "luvhive.updates.duplicates";
    public static final String QUARANTINED = "luvhive.updates.quarantined";
    /** The most of an update's bytes the quarantine keeps (the webhook takes no more). */
    public static final int MAX_QUARANTINED_BYTES = 1024 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(InboxStore.class);

    /** Where updates come from, as the quarantine records it. */
    public enum Source {
        POLLING, WEBHOOK;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What became of one update. */
    public enum Outcome { STORED, DUPLICATE, QUARANTINED }

    /** What became of a batch: how many were stored new, were known already, were quarantined. */
    public record Stored(int stored, int duplicates, int quarantined) {
    }

    private final Jdbi jdbi;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final MeterRegistry registry;
    private final Runnable wakeProcessor;

    public InboxStore(Jdbi jdbi, ObjectMapper mapper, Clock clock, MeterRegistry registry, Runnable wakeProcessor) {
        this.jdbi = jdbi;
        this.mapper = mapper;
        this.clock = clock;
        this.registry = registry;
        this.wakeProcessor = wakeProcessor;
    }

    /**
     * Stores a batch in one transaction, its updates in one statement (each on its own only
     * when PostgreSQL refused a value of one of them). When this returns, every update of it is durable
     * (in the inbox or the quarantine) and the batch may be confirmed to Telegram.
     *
     * @throws JdbiException when the database failed: nothing is stored
     */
    public Stored store(List<RawUpdate> updates, Source source) {
        if (updates.isEmpty()) {
            return new Stored(0, 0, 0);
        }
        Tally tally = storeTallied(updates, source);
        return new Stored(tally.stored, tally.duplicates, tally.quarantined);
    }

    /**
     * As {@link #store(List, Source)}, with what became of each update, in order: for
     * webhook posts stored together ({@link WebhookGroups}), each answered on its own.
     */
    public List<Outcome> storeEach(List<RawUpdate> updates, Source source) {
        if (updates.isEmpty()) {
            return List.of();
        }
        return List.of(storeTallied(updates, source).outcomes);
    }

    private Tally storeTallied(List<RawUpdate> updates, Source source) {
        Instant now = clock.instant();
        List<IncomingUpdate> examined = updates.stream().map(raw -> IncomingUpdate.examine(raw, mapper)).toList();
        Tally tally;
        try {
            tally = jdbi.inTransaction(handle -> storeAll(handle, updates, examined, source, now, false));
        } catch (RefusedValue refused) {
            // some value PostgreSQL would not take: again, each update under a savepoint of its own
            tally = jdbi.inTransaction(handle -> storeAll(handle, updates, examined, source, now, true));
        }
        tally.count(registry);
        if (tally.stored > 0) {
            wakeProcessor.run();
        }
        return tally;
    }

    /** Stores one update as a webhook received it. */
    public Outcome storeWebhookBody(byte[] body) {
        return storeEach(List.of(RawUpdate.of(body)), Source.WEBHOOK).get(0);
    }

    /** Stores updates already mapped (tests, tools); returns how many were new. */
    public int store(List<Update> updates) {
        List<RawUpdate> raw = updates.stream().map(update -> {
            try {
                return RawUpdate.of(mapper.writeValueAsBytes(update));
            } catch (JsonProcessingException unserialisable) {
                throw new IllegalArgumentException("cannot serialise update " + update.getUpdateId(), unserialisable);
            }
        }).toList();
        return store(raw, Source.POLLING).stored();
    }

    /**
     * Every storable update in one statement (one round trip, one commit for the batch); or,
     * once a value was refused, each under a savepoint of its own so the one refused goes
     * to the quarantine and the others are stored.
     */
    private Tally storeAll(Handle handle, List<RawUpdate> updates, List<IncomingUpdate> examined, Source source,
                           Instant now, boolean eachOnItsOwn) {
        Tally tally = new Tally(updates.size());
        if (!eachOnItsOwn) {
            insertTogether(handle, examined, now, tally);
        }
        for (int index = 0; index < updates.size(); index++) {
            RawUpdate raw = updates.get(index);
            IncomingUpdate incoming = examined.get(index);
            if (incoming instanceof IncomingUpdate.Storable storable) {
                if (!eachOnItsOwn) {
                    continue;
                }
                Optional<String> refusal = insertAlone(handle, index, storable, now, tally);
                if (refusal.isEmpty()) {
                    continue;
                }
                incoming = new IncomingUpdate.Poison(IncomingUpdate.REFUSED_BY_DATABASE, refusal.get(),
                        storable.userId() == 0 ? Optional.empty() : Optional.of(storable.userId()));
            }
            IncomingUpdate.Poison poison = (IncomingUpdate.Poison) incoming;
            if (quarantine(handle.attach(QuarantineDao.class), raw, poison, source, now) == 1) {
                tally.quarantined(index, poison.category());
                LOG.warn("Update {} quarantined ({}): {}; 'luvhive inbox quarantine' lists it",
                        raw.updateId().map(String::valueOf).orElse("without update_id"), poison.category(),
                        loggable(poison));
            } else {
                tally.duplicate(index);
            }
        }
        return tally;
    }

    /** The batch's storable updates in one insert; a refused value loses the transaction ({@link RefusedValue}). */
    private static void insertTogether(Handle handle, List<IncomingUpdate> examined, Instant now, Tally tally) {
        List<IncomingUpdate.Storable> storables = new ArrayList<>(examined.size());
        List<Integer> indexes = new ArrayList<>(examined.size());
        for (int index = 0; index < examined.size(); index++) {
            if (examined.get(index) instanceof IncomingUpdate.Storable storable) {
                storables.add(storable);
                indexes.add(index);
            }
        }
        if (storables.isEmpty()) {
            return;
        }
        Set<Long> fresh;
        try {
            fresh = InboxClaims.insertAll(handle, storables, now);
        } catch (JdbiException failure) {
            if (refusedValue(failure).isEmpty()) {
                throw failure;
            }
            throw new RefusedValue(failure);
        }
        // the same update twice in one batch (Telegram posting it again while the first post
        // was still being stored): the first is the one stored, the other a duplicate
        Set<Long> counted = new HashSet<>();
        for (int at = 0; at < storables.size(); at++) {
            IncomingUpdate.Storable storable = storables.get(at);
            boolean isNew = fresh.contains(storable.updateId()) && counted.add(storable.updateId());
            tally.inserted(indexes.get(at), storable.kind(), isNew ? 1 : 0);
        }
    }

    /**
     * The reason as the log may show it: ours (a field missing) as it is; a parser's or
     * PostgreSQL's message may quote the user's text, so only the category is said.
     */
    private static String loggable(IncomingUpdate.Poison poison) {
        return switch (poison.category()) {
            case IncomingUpdate.INCOMPLETE, IncomingUpdate.NO_UPDATE_ID -> poison.reason();
            case IncomingUpdate.REFUSED_BY_DATABASE -> "PostgreSQL refused a value";
            default -> "not a Telegram update it can read";
        };
    }

    /** Inserts one update under a savepoint; the refusal when PostgreSQL refuses a value of it. */
    private static Optional<String> insertAlone(Handle handle, int index, IncomingUpdate.Storable update, Instant now,
                                                Tally tally) {
        String savepoint = "store_" + update.updateId();
        handle.savepoint(savepoint);
        try {
            int fresh = handle.attach(InboxDao.class).insert(update.updateId(), update.kind().apiName(),
                    update.userId() == 0 ? null : update.userId(), update.chatId() == 0 ? null : update.chatId(),
                    update.json(), now);
            handle.releaseSavepoint(savepoint);
            tally.inserted(index, update.kind(), fresh);
            return Optional.empty();
        } catch (JdbiException failure) {
            Optional<String> refusal = refusedValue(failure);
            if (refusal.isEmpty()) {
                throw failure;
            }
            handle.rollbackToSavepoint(savepoint);
            return refusal;
        }
    }

    private int quarantine(QuarantineDao quarantine, RawUpdate raw, IncomingUpdate.Poison poison, Source source,
                           Instant now) {
        byte[] bytes = raw.bytes();
        String reason = poison.reason().length() > 1000 ? poison.reason().substring(0, 999) + "…" : poison.reason();
        return quarantine.insert(raw.updateId().orElse(null), poison.userId().orElse(null), sha256(bytes),
                source.label(), poison.category(), reason,
                bytes.length > MAX_QUARANTINED_BYTES ? Arrays.copyOf(bytes, MAX_QUARANTINED_BYTES) : bytes,
                bytes.length, now);
    }

    /**
     * PostgreSQL's reason when it refused a value of the update (data exceptions, class 22,
     * and program limits, class 54), never the value itself; empty for any other failure
     * (the database is down, a bug), which must not quarantine an update.
     */
    private static Optional<String> refusedValue(JdbiException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("22") || sql.getSQLState().startsWith("54"))) {
                String message = sql instanceof PSQLException psql && psql.getServerErrorMessage() != null
                        ? psql.getServerErrorMessage().getMessage() : "";
                return Optional.of("PostgreSQL refused it (SQLSTATE " + sql.getSQLState() + ")"
                        + (message == null || message.isBlank() ? "" : ": " + message));
            }
        }
        return Optional.empty();
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java has SHA-256", impossible);
        }
    }

    /** What one transaction did, counted into the registry once it committed. */
    private static final class Tally {
        private final Map<String, Integer> receivedByKind = new HashMap<>();
        private final Map<String, Integer> quarantinedByCategory = new HashMap<>();
        /** What became of each update of the batch, by its place in it. */
        private final Outcome[] outcomes;
        private int stored;
        private int duplicates;
        private int quarantined;

        Tally(int size) {
            outcomes = new Outcome[size];
        }

        void inserted(int index, UpdateKind kind, int fresh) {
            receivedByKind.merge(kind.apiName(), 1, Integer::sum);
            stored += fresh;
            duplicates += 1 - fresh;
            outcomes[index] = fresh == 1 ? Outcome.STORED : Outcome.DUPLICATE;
        }

        void duplicate(int index) {
            duplicates++;
            outcomes[index] = Outcome.DUPLICATE;
        }

        void quarantined(int index, String category) {
            quarantinedByCategory.merge(category, 1, Integer::sum);
            quarantined++;
            outcomes[index] = Outcome.QUARANTINED;
        }

        void count(MeterRegistry registry) {
            receivedByKind.forEach((kind, count) -> registry.counter(RECEIVED, "kind", kind).increment(count));
            quarantinedByCategory.forEach((category, count) ->
                    registry.counter(QUARANTINED, "category", category).increment(count));
            if (duplicates > 0) {
                registry.counter(DUPLICATES).increment(duplicates);
            }
        }
    }

    /** The fast path met a value PostgreSQL refuses: the transaction is lost, so start again with savepoints. */
    private static final class RefusedValue extends RuntimeException {
        RefusedValue(Throwable cause) {
            super(cause);
        }
    }
}
