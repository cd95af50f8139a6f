package org.luvhive.core.bot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;
import org.luvhive.core.delivery.DeliveredMessage;
import org.luvhive.core.delivery.Outbox;
import org.luvhive.core.delivery.ViolationsLog;
import org.luvhive.core.moderation.ModerationSettings;
import org.luvhive.core.moderation.filter.Strictness;
import org.luvhive.core.settings.OpsSettings;
import org.luvhive.core.telegram.TelegramGateway;
import org.luvhive.core.testing.ManualClock;
import org.luvhive.core.update.UpdateContext;
import org.telegram.telegrambots.meta.api.methods.AnswerPreCheckoutQuery;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Drives {@link LuvhiveFeatures} the way the pipeline does, without Telegram: each update
 * is routed and handled in its own transaction, what the bot sends is read back from the
 * outbox, and {@link #deliverAll()} plays the sender (gives sent messages ids and reports
 * deliveries). Thread-safe enough for the concurrency test (one update per call).
 */
public final class BotHarness {

    public static final ObjectMapper JSON = new ObjectMapper();
    /** How long ago {@link #createUser(long, String, int, String)} users signed up. */
    public static final Duration ESTABLISHED = Duration.ofDays(2);

    /** One outbox row, as the bot wrote it. */
    public record Sent(long id, long chatId, String method, JsonNode payload) {

        public String text() {
            return payload.path("text").asText(null);
        }

        public JsonNode buttons() {
            return payload.path("reply_markup").path("inline_keyboard");
        }

        public boolean hasButton(String data) {
            for (JsonNode row : buttons()) {
                for (JsonNode button : row) {
                    if (data.equals(button.path("callback_data").asText())) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    private final Jdbi jdbi;
    private final ManualClock clock;
    private final Outbox outbox;
    private final LuvhiveFeatures logic;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final Path logDirectory;
    private final AtomicLong updateIds = new AtomicLong(1);
    private final Map<Long, AtomicInteger> messageIds = new ConcurrentHashMap<>();
    private final AtomicInteger copyIds = new AtomicInteger(50_000);
    private final List<BotApiMethod<?>> directCalls = new CopyOnWriteArrayList<>();
    private volatile Function<BotApiMethod<?>, Serializable> gatewayAnswer = method -> Boolean.TRUE;

    public BotHarness(Jdbi jdbi, ManualClock clock, FeatureSettings settings) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.outbox = new Outbox(JSON, clock, () -> { });
        try {
            this.logDirectory = Files.createTempDirectory("luvhive-harness-logs");
            logDirectory.toFile().deleteOnExit(); // registered first, deleted last: after the log in it
            logDirectory.resolve(ViolationsLog.FILE_NAME).toFile().deleteOnExit();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        this.logic = new LuvhiveFeatures(jdbi, outbox, clock, settings, registry,
                new ViolationsLog(logDirectory, JSON));
    }

    /** Where the bot's violations log goes (a temporary directory of this harness). */
    public Path violationsLog() {
        return logDirectory.resolve(ViolationsLog.FILE_NAME);
    }

    /** The bot's meters. */
    public SimpleMeterRegistry registry() {
        return registry;
    }

    public LuvhiveFeatures logic() {
        return logic;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public ManualClock clock() {
        return clock;
    }

    /** Calls made directly (answerPreCheckoutQuery, refundStarPayment). */
    public List<BotApiMethod<?>> directCalls() {
        return directCalls;
    }

    /** What the fake gateway answers (or throws) for direct calls. */
    public void answerDirectCallsWith(Function<BotApiMethod<?>, Serializable> answer) {
        this.gatewayAnswer = answer;
    }

    /** Handles one update in its own transaction, as the inbox processor would. */
    public void handle(Update update) {
        TelegramGateway gateway = new TelegramGateway() {
            @Override
            @SuppressWarnings("unchecked")
            public <T extends Serializable> T execute(BotApiMethod<T> method) {
                directCalls.add(method);
                return (T) gatewayAnswer.apply(method);
            }

            @Override
            public boolean setWebhook(org.telegram.telegrambots.meta.api.methods.updates.SetWebhook setWebhook) {
                throw new IllegalStateException("handlers never set the webhook");
            }
        };
        Instant now = clock.instant();
        jdbi.useTransaction(handle -> logic.router().route(update)
                .handle(new UpdateContext(update, handle, outbox, now, gateway)));
    }

    public int nextMessageId(long userId) {
        return messageIds.computeIfAbsent(userId, id -> new AtomicInteger(100)).incrementAndGet();
    }

    /** A message from the user with the given JSON fields (besides ids, chat and sender); returns its id. */
    public int message(long userId, String fields) {
        int messageId = nextMessageId(userId);
        handle(Updates.message(updateIds.getAndIncrement(), userId, messageId, fields));
        return messageId;
    }

    public int text(long userId, String text) {
        return message(userId, "\"text\": " + quote(text));
    }

    public void tap(long userId, String data) {
        handle(Updates.callback(updateIds.getAndIncrement(), userId, nextMessageId(userId), data));
    }

    /** A pre-checkout query for an invoice with {@code payload}; returns the bot's direct answer. */
    public AnswerPreCheckoutQuery preCheckout(long userId, String payload, int amount) {
        handle(Updates.preCheckout(nextUpdateId(), userId, payload, amount));
        return (AnswerPreCheckoutQuery) directCalls.get(directCalls.size() - 1);
    }

    /** A successful payment of an invoice with {@code payload} under {@code chargeId}. */
    public void pay(long userId, String payload, int amount, String chargeId) {
        handle(Updates.successfulPayment(nextUpdateId(), userId, nextMessageId(userId), payload, amount, chargeId));
    }

    public void edit(long userId, int messageId, String fields) {
        handle(Updates.edited(updateIds.getAndIncrement(), userId, messageId, fields));
    }

    public long nextUpdateId() {
        return updateIds.getAndIncrement();
    }

    /** Onboards a user through the real flow. */
    public void onboard(long userId, String gender, int age, String country, String city) {
        text(userId, "/start");
        tap(userId, "consent:accept");
        tap(userId, "gender:" + gender);
        text(userId, String.valueOf(age));
        tap(userId, "age:confirm");
        text(userId, country);
        text(userId, city);
        tap(userId, "int:music");
        tap(userId, "int:done");
    }

    /** Everything sent to a chat, in order. */
    public List<Sent> sent(long chatId) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "select id, chat_id, method, coalesce(payload::text, '{}') as payload from outbox "
                                + "where chat_id = :chatId order by id")
                .bind("chatId", chatId)
                .map((rows, context) -> new Sent(rows.getLong("id"), rows.getLong("chat_id"), rows.getString("method"),
                        parse(rows.getString("payload"))))
                .list());
    }

    /** The texts of the notices a chat got, in order. */
    public List<String> texts(long chatId) {
        List<String> texts = new ArrayList<>();
        for (Sent sent : sent(chatId)) {
            if (sent.method().equals("sendmessage")) {
                texts.add(sent.text());
            }
        }
        return texts;
    }

    public String lastText(long chatId) {
        List<String> texts = texts(chatId);
        return texts.isEmpty() ? "" : texts.get(texts.size() - 1);
    }

    public Optional<Sent> last(long chatId, String method) {
        List<Sent> all = sent(chatId).stream().filter(sent -> sent.method().equals(method)).toList();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /**
     * Plays the sender: every queued row is marked sent, with a new message id for sends
     * and copies, and the delivery is reported to the bot in the same transaction.
     */
    public void deliverAll() {
        jdbi.useTransaction(handle -> {
            var rows = handle.createQuery("select id, chat_id, method, correlation from outbox "
                            + "where status = 'queued' order by id for update")
                    .mapToMap().list();
            for (var row : rows) {
                long id = ((Number) row.get("id")).longValue();
                String method = (String) row.get("method");
                boolean createsMessage = method.startsWith("send") || method.equals("copymessage");
                Integer messageId = createsMessage ? copyIds.incrementAndGet() : null;
                handle.createUpdate("update outbox set status = 'sent', payload = null, telegram_message_id = :messageId "
                        + "where id = :id").bind("id", id).bind("messageId", messageId).execute();
                logic.deliveryEvents().delivered(handle, new DeliveredMessage(id, ((Number) row.get("chat_id")).longValue(),
                        method, Optional.ofNullable((String) row.get("correlation")), Optional.ofNullable(messageId)));
            }
        });
    }

    public long count(String sql) {
        return jdbi.withHandle(handle -> handle.createQuery(sql).mapTo(Long.class).one());
    }

    /** Empties every table the bot writes (and those referencing them), so tests in one class do not see each other's users. */
    public void reset() {
        jdbi.useHandle(handle -> handle.execute("truncate users, match_queue, chats, chat_members, relayed_messages, "
                + "ratings, blocks, bans, reports, admin_audit, payments, checkout_refusals, outbox, "
                + "moderation_decisions, moderation_mutes, moderation_cases, matching_holds, moderation_appeals, "
                + "message_fingerprints, payment_signals, match_waits cascade"));
        jdbi.useHandle(handle -> handle.execute("delete from ops_settings where key like 'moderation.%'"));
        logic.moderation().live().reload();
    }

    /** Sets the moderation level as the CLI does, and has the bot read it (the harness runs no listener). */
    public void strictness(Strictness level) {
        new ModerationSettings(new OpsSettings(jdbi, clock)).setLevel(level, "test");
        logic.moderation().live().reload();
    }

    /**
     * Inserts an onboarded user directly (for tests about matching, not onboarding): one who
     * signed up on an earlier day, so no new-account limit applies to them.
     */
    public void createUser(long userId, String gender, int age, String city) {
        createUser(userId, gender, age, city, clock.instant().minus(ESTABLISHED));
    }

    /** A user with a finished profile who signed up at {@code signedUp}. */
    public void createUser(long userId, String gender, int age, String city, Instant signedUp) {
        jdbi.useHandle(handle -> handle.createUpdate("""
                        insert into users (user_id, onboarding_step, consent_at, gender, age, country, city, created_at,
                                           updated_at)
                        values (:id, 'done', :signedUp, :gender, :age, 'Germany', :city, :signedUp, :signedUp)
                        """).bind("id", userId).bind("signedUp", signedUp).bind("gender", gender).bind("age", age)
                .bind("city", city).execute());
    }

    public void makePremium(long userId, Instant until) {
        jdbi.useHandle(handle -> handle.createUpdate("update users set premium_until = :until where user_id = :id")
                .bind("until", until).bind("id", userId).execute());
    }

    /** Runs the maintenance task {@code name} once, as the runner's schedule does. */
    public void runMaintenance(String name) {
        logic.maintenance().stream().filter(task -> task.name().equals(name)).findFirst().orElseThrow().task().run();
    }

    /** Makes the user premium for three days and taps these filter buttons ({@code filt:g:female}, ...). */
    public void premiumWithFilters(long userId, String... taps) {
        makePremium(userId, clock.instant().plus(Duration.ofDays(3)));
        for (String tap : taps) {
            tap(userId, tap);
        }
    }

    /** The partner of the user's active chat, or 0. */
    public long partnerOf(long userId) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "select partner_id from chat_members where user_id = :id and active")
                .bind("id", userId).mapTo(Long.class).findOne().orElse(0L));
    }

    public static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (Exception impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception malformed) {
            throw new IllegalStateException(malformed);
        }
    }
}
