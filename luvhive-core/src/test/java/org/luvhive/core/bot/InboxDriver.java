package org.luvhive.core.bot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Jdbi;
import org.luvhive.core.delivery.DeliveredMessage;
import org.luvhive.core.delivery.Outbox;
import org.luvhive.core.delivery.ViolationsLog;
import org.luvhive.core.limits.LiveLimits;
import org.luvhive.core.limits.RateLimits;
import org.luvhive.core.telegram.RawUpdate;
import org.luvhive.core.telegram.TelegramGateway;
import org.luvhive.core.testing.ManualClock;
import org.luvhive.core.testing.TestDatabase;
import org.luvhive.core.update.InboundGate;
import org.luvhive.core.update.InboxProcessor;
import org.luvhive.core.update.InboxStore;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Drives {@link LuvhiveFeatures} through the real inbox, on a manual clock: each update is
 * stored by {@link InboxStore} and handled by {@link InboxProcessor} (with the inbound gate
 * on PostgreSQL buckets), so every table the pipeline writes is written as in production.
 * {@link #deliverAll} plays the sender. One thread at a time.
 */
final class InboxDriver {

    private final Jdbi jdbi;
    private final ManualClock clock;
    private final LuvhiveFeatures logic;
    private final InboxStore store;
    private final InboxProcessor processor;
    private final AtomicLong updateIds = new AtomicLong(1);
    private final AtomicInteger messageIds = new AtomicInteger(100);
    private final AtomicInteger copyIds = new AtomicInteger(50_000);

    InboxDriver(TestDatabase database, ManualClock clock, FeatureSettings settings) {
        this.jdbi = database.jdbi();
        this.clock = clock;
        ObjectMapper mapper = BotHarness.JSON;
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Outbox outbox = new Outbox(mapper, clock, () -> { });
        try {
            Path logs = Files.createTempDirectory("luvhive-inbox-driver-logs");
            logs.toFile().deleteOnExit(); // registered first, deleted last: after the log in it
            logs.resolve(ViolationsLog.FILE_NAME).toFile().deleteOnExit();
            this.logic = new LuvhiveFeatures(jdbi, outbox, clock, settings, registry, new ViolationsLog(logs, mapper));
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        LiveLimits limits = LiveLimits.fixed(new RateLimits("custom", RateLimits.HARD_PER_USER_CEILING, 1000, 1000,
                1000, 20, true));
        InboundGate gate = new InboundGate(limits, registry, Duration.ofSeconds(1), Duration.ofSeconds(30),
                Duration.ofSeconds(30));
        this.processor = new InboxProcessor(jdbi, mapper, logic.router(), gate, outbox, new AgreeingGateway(), clock,
                registry, 1, Duration.ofSeconds(1));
        this.store = new InboxStore(jdbi, mapper, clock, registry, () -> { });
    }

    /** Stores the update a second after the previous one and handles what is due; a handler failure fails the test. */
    void send(Update update) {
        clock.advance(Duration.ofSeconds(1));
        store.store(List.of(update));
        while (processor.processNext()) {
            // until nothing is due
        }
        List<String> failed = jdbi.withHandle(handle -> handle.createQuery(
                "select update_id || ': ' || last_error from inbox where status = 'dead'").mapTo(String.class).list());
        assertThat(failed).as("updates whose handler failed").isEmpty();
    }

    /** An update from the user no handler could take (a message without its chat): it goes to the quarantine. */
    void poison(long userId, String text) {
        clock.advance(Duration.ofSeconds(1));
        store.store(List.of(RawUpdate.of("""
                {"update_id": %d, "message": {"message_id": %d, "date": 1764410000,
                 "from": {"id": %d, "is_bot": false, "first_name": "U"}, "text": %s}}
                """.formatted(updateIds.getAndIncrement(), messageIds.incrementAndGet(), userId,
                BotHarness.quote(text)))), InboxStore.Source.POLLING);
    }

    int text(long userId, String text) {
        return message(userId, "\"text\": " + BotHarness.quote(text));
    }

    /** A message with these Message fields (a photo, say). */
    int message(long userId, String fields) {
        int messageId = messageIds.incrementAndGet();
        send(Updates.message(updateIds.getAndIncrement(), userId, messageId, fields));
        return messageId;
    }

    void tap(long userId, String data) {
        send(Updates.callback(updateIds.getAndIncrement(), userId, messageIds.incrementAndGet(), data));
    }

    void edit(long userId, int messageId, String text) {
        send(Updates.edited(updateIds.getAndIncrement(), userId, messageId, "\"text\": " + BotHarness.quote(text)));
    }

    void preCheckout(long userId, String payload, int amount) {
        send(Updates.preCheckout(updateIds.getAndIncrement(), userId, payload, amount));
    }

    void pay(long userId, String payload, int amount, String chargeId) {
        send(Updates.successfulPayment(updateIds.getAndIncrement(), userId, messageIds.incrementAndGet(), payload,
                amount, chargeId));
    }

    /** Onboards a user through the real flow. */
    void onboard(long userId, String gender, int age) {
        text(userId, "/start");
        tap(userId, "consent:accept");
        tap(userId, "gender:" + gender);
        text(userId, String.valueOf(age));
        tap(userId, "age:confirm");
        text(userId, "Germany");
        text(userId, "Berlin");
        tap(userId, "int:music");
        tap(userId, "int:done");
    }

    /**
     * Plays the sender: every queued row is marked sent (new message ids for sends and
     * copies) and reported to the bot in the same transaction, except relayed edits, which
     * stay queued (so a test can see what happens to a message still on its way).
     */
    void deliverAll() {
        jdbi.useTransaction(handle -> {
            List<Map<String, Object>> rows = handle.createQuery("""
                            select id, chat_id, method, correlation from outbox
                            where status = 'queued' and coalesce(correlation, '') not like 'edit:%'
                            order by id for update""")
                    .mapToMap().list();
            for (Map<String, Object> row : rows) {
                long id = ((Number) row.get("id")).longValue();
                String method = (String) row.get("method");
                Integer messageId = method.startsWith("send") || method.equals("copymessage")
                        ? copyIds.incrementAndGet() : null;
                handle.createUpdate("update outbox set status = 'sent', payload = null, telegram_message_id = :messageId "
                        + "where id = :id").bind("id", id).bind("messageId", messageId).execute();
                logic.deliveryEvents().delivered(handle, new DeliveredMessage(id, ((Number) row.get("chat_id")).longValue(),
                        method, Optional.ofNullable((String) row.get("correlation")), Optional.ofNullable(messageId)));
            }
        });
    }

    long count(String sql, Object... arguments) {
        return jdbi.withHandle(handle -> {
            var query = handle.createQuery(sql);
            for (int index = 0; index < arguments.length; index++) {
                query.bind(index, arguments[index]);
            }
            return query.mapTo(Long.class).one();
        });
    }

    /** Telegram as the handlers' direct calls see it: every pre-checkout answer and refund is accepted. */
    private static final class AgreeingGateway implements TelegramGateway {
        @Override
        @SuppressWarnings("unchecked")
        public <T extends Serializable> T execute(BotApiMethod<T> method) {
            return (T) Boolean.TRUE;
        }

        @Override
        public boolean setWebhook(SetWebhook setWebhook) {
            throw new IllegalStateException("handlers never set the webhook");
        }
    }
}
