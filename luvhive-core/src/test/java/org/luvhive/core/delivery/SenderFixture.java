package org.luvhive.core.delivery;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jdbi.v3.core.Handle;
import org.luvhive.core.config.BotToken;
import org.luvhive.core.limits.ClockTimeMeter;
import org.luvhive.core.limits.LiveLimits;
import org.luvhive.core.limits.LocalRateLimiter;
import org.luvhive.core.limits.PostgresRateLimiter;
import org.luvhive.core.limits.RateLimits;
import org.luvhive.core.telegram.TelegramBotsGateway;
import org.luvhive.core.testing.TestDatabase;
import org.luvhive.testkit.telegram.EmulatedBot;
import org.luvhive.testkit.telegram.TelegramEmulator;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;

/**
 * An outbox and a sender on the test database, sending to the Bot API emulator, on the
 * clock the test gives: a manual clock with the sender driven pass by pass
 * ({@link #dispatch()}, {@link #dispatchAll()}), or the wall clock with the sender started.
 */
final class SenderFixture implements AutoCloseable {

    static final String TOKEN = "777000:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw8";
    private static final Duration CALLS_ANSWERED = Duration.ofSeconds(15);
    private static final int MOST_PASSES = 10_000;

    final TestDatabase database;
    final TelegramEmulator emulator;
    final EmulatedBot bot;
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final ObjectMapper mapper = new ObjectMapper();
    final List<String> events = new CopyOnWriteArrayList<>();
    final OutboxSender sender;
    final Outbox outbox;
    final TelegramBotsGateway gateway;
    final LiveLimits limits;

    SenderFixture(TestDatabase database, TelegramEmulator emulator, Path logDirectory, RateLimits rateLimits,
                  SenderSettings settings, Clock clock) {
        this(database, emulator, logDirectory, LiveLimits.fixed(rateLimits), settings, clock);
    }

    /** A sender applying {@code limits} as they change. */
    SenderFixture(TestDatabase database, TelegramEmulator emulator, Path logDirectory, LiveLimits limits,
                  SenderSettings settings, Clock clock) {
        this.database = database;
        this.emulator = emulator;
        this.bot = emulator.bot(TOKEN);
        this.gateway = new TelegramBotsGateway(BotToken.parse(TOKEN), URI.create(emulator.baseUrl()));
        this.limits = limits;
        DeliveryEvents recorder = new DeliveryEvents() {
            @Override
            public void delivered(Handle handle, DeliveredMessage delivered) {
                events.add("delivered " + delivered.chatId() + " " + delivered.correlation().orElse("-"));
            }

            @Override
            public void recipientBlocked(Handle handle, long chatId) {
                events.add("blocked " + chatId);
            }

            @Override
            public void parked(Handle handle, ParkedMessage parked) {
                events.add("parked " + parked.chatId() + " " + parked.reason());
            }
        };
        WakeSignal sends = new WakeSignal();
        this.outbox = new Outbox(mapper, clock, sends::signal);
        this.sender = new OutboxSender(database.jdbi(), database.database()::openDedicatedConnection, mapper, () -> gateway,
                new PostgresRateLimiter(database.database().dataSource(), new ClockTimeMeter(clock), Duration.ofMinutes(5)),
                new LocalRateLimiter(new ClockTimeMeter(clock), 10_000, Duration.ofMinutes(5)), limits, recorder,
                new ViolationsLog(logDirectory, mapper), sends, clock, registry, settings);
    }

    /**
     * One pass of the dispatcher at the clock's time; returns once every call it started was
     * answered and its outcome recorded.
     */
    void dispatch() {
        sender.dispatchOnce();
        await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1)).atMost(CALLS_ANSWERED)
                .until(() -> sender.inFlight() == 0);
    }

    /** Passes at the clock's time until one makes no call: whatever may go now has gone. */
    void dispatchAll() {
        for (int pass = 0; pass < MOST_PASSES; pass++) {
            long before = calls();
            dispatch();
            if (calls() == before) {
                return;
            }
        }
        throw new AssertionError("the sender still made calls after " + MOST_PASSES + " passes");
    }

    /** Calls the sender made to Telegram and recorded the outcome of. */
    private long calls() {
        return registry.find(OutboxSender.SEND_TIME).timers().stream().mapToLong(Timer::count).sum();
    }

    long enqueueText(long chatId, Priority priority, String text) {
        return database.jdbi().inTransaction(handle -> outbox.enqueue(handle,
                OutboundMessage.of(chatId, priority, SendMessage.builder().chatId(chatId).text(text).build())
                        .correlatedWith(text)));
    }

    String status(long outboxId) {
        return database.jdbi().withHandle(handle -> handle.createQuery("select status from outbox where id = :id")
                .bind("id", outboxId).mapTo(String.class).one());
    }

    @Override
    public void close() {
        sender.stop(Duration.ofSeconds(5));
        gateway.close();
    }
}
