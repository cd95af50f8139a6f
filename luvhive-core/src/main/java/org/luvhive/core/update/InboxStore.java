package org.luvhive.core.update;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.luvhive.core.update.internal.InboxDao;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Stores updates as they arrive (long poll or webhook), before Telegram is told they were
 * received; a redelivered {@code update_id} is recognised and stored once. Thread-safe.
 */
public final class InboxStore {

    public static final String RECEIVED = "luvhive.updates.received";
    public static final String DUPLICATES = "luvhive.updates.duplicates";

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
     * Stores a batch in one transaction and returns how many were new. When this returns,
     * the updates are durable and may be confirmed to Telegram.
     */
    public int store(List<Update> updates) {
        if (updates.isEmpty()) {
            return 0;
        }
        int stored = jdbi.inTransaction(handle -> {
            InboxDao dao = handle.attach(InboxDao.class);
            int fresh = 0;
            for (var update : updates) {
                UpdateKind kind = UpdateKind.of(update);
                long userId = UpdateKind.userId(update);
                long chatId = UpdateKind.chatId(update);
                fresh += dao.insert(update.getUpdateId(), kind.apiName(), userId == 0 ? null : userId,
                        chatId == 0 ? null : chatId, json(update), clock.instant());
                registry.counter(RECEIVED, "kind", kind.apiName()).increment();
            }
            return fresh;
        });
        if (stored < updates.size()) {
            registry.counter(DUPLICATES).increment(updates.size() - stored);
        }
        if (stored > 0) {
            wakeProcessor.run();
        }
        return stored;
    }

    /** Stores one raw update as Telegram posted it (the webhook's body). */
    public boolean storeJson(String body) {
        try {
            var update = mapper.readValue(body, Update.class);
            if (update.getUpdateId() == null) {
                throw new IllegalArgumentException("the update has no update_id");
            }
            return store(List.of(update)) == 1;
        } catch (JsonProcessingException malformed) {
            throw new IllegalArgumentException("not a Telegram update: " + malformed.getOriginalMessage(), malformed);
        }
    }

    private String json(Update update) {
        try {
            return mapper.writeValueAsString(update);
        } catch (JsonProcessingException unserialisable) {
            throw new IllegalStateException("cannot store update " + update.getUpdateId(), unserialisable);
        }
    }
}
