package org.luvhive.core.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.luvhive.core.limits.LimitsProfile;
import org.luvhive.core.limits.RateLimits;
import org.luvhive.core.testing.ManualClock;
import org.luvhive.core.testing.PostgresExtension;
import org.luvhive.core.testing.TestDatabase;
import org.luvhive.testkit.telegram.ChatMessage;
import org.luvhive.testkit.telegram.EmulatorLimits;
import org.luvhive.testkit.telegram.Fault;
import org.luvhive.testkit.telegram.LoggedRequest;
import org.luvhive.testkit.telegram.SimulatedGroup;
import org.luvhive.testkit.telegram.SimulatedUser;
import org.luvhive.testkit.telegram.TelegramEmulator;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;

/**
 * The sender against the emulator, both on one manual clock and driven pass by pass, so
 * FloodWaits, pauses, back-offs and limits are checked to the millisecond without sleeping;
 * one smoke test runs the started sender on the wall clock.
 */
@ExtendWith(PostgresExtension.class)
class OutboxSenderTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final TestDatabase database;
    private final ManualClock clock = ManualClock.at("2026-11-29T10:00:00Z");
    private TelegramEmulator emulator;
    private SenderFixture fixture;

    @TempDir
    Path logs;

    OutboxSenderTest(TestDatabase database) {
        this.database = database;
    }

    @BeforeEach
    void start() {
        database.jdbi().useHandle(handle -> handle.execute("truncate outbox, blocked_recipients, rate_limit_buckets"));
        emulator = TelegramEmulator.builder().limits(EmulatorLimits.telegramDefaults()).clock(clock).build().start();
        fixture = sender(LimitsProfile.NORMAL.limits(),
                SenderSettings.defaults().withRetries(3, Duration.ofMillis(100), Duration.ofMillis(400)));
    }

    @AfterEach
    void stop() {
        fixture.close();
        emulator.close();
    }

    private SenderFixture sender(RateLimits limits, SenderSettings settings) {
        return new SenderFixture(database, emulator, logs, limits, settings, clock);
    }

    private SimulatedUser startedUser(String name) {
        SimulatedUser user = fixture.bot.newUser(name);
        user.sendCommand("start");
        return user;
    }

    private long delivered(long chatId) {
        return fixture.bot.stats().delivered(chatId);
    }

    /** Moves the clock {@code step} at a time, sending whatever is due, until {@code done} (at most {@code span}). */
    private void runUntil(BooleanSupplier done, Duration step, Duration span) {
        Instant end = clock.instant().plus(span);
        fixture.dispatchAll();
        while (!done.getAsBoolean()) {
            assertThat(clock.instant()).as("still not done after %s of clock time", span).isBefore(end);
            clock.advance(step);
            fixture.dispatchAll();
        }
    }

    private void advanceAndDispatch(Duration duration) {
        clock.advance(duration);
        fixture.dispatchAll();
    }

    @Test
    void deliversInQueueOrderWithinAChatAtAboutOneASecondAndTellsTheOwner() {
        SimulatedUser alice = startedUser("Alice");

        fixture.enqueueText(alice.id(), Priority.NOTICE, "one");
        fixture.enqueueText(alice.id(), Priority.RELAY, "two");
        fixture.enqueueText(alice.id(), Priority.BROADCAST, "three");
        fixture.dispatchAll();

        // a private chat's burst is 2 (3 less the jitter reserve), then 1/s
        assertThat(delivered(alice.id())).isEqualTo(2);
        advanceAndDispatch(Duration.ofMillis(999));
        assertThat(delivered(alice.id())).isEqualTo(2);
        advanceAndDispatch(Duration.ofMillis(1));
        assertThat(alice.received()).extracting(ChatMessage::text).containsExactly("one", "two", "three");
        assertThat(fixture.events).containsExactly("delivered " + alice.id() + " one", "delivered " + alice.id() + " two",
                "delivered " + alice.id() + " three");
        Integer payloadsLeft = database.jdbi().withHandle(handle -> handle.createQuery(
                "select count(*) from outbox where payload is not null").mapTo(Integer.class).one());
        assertThat(payloadsLeft).as("a sent row keeps no text").isZero();
    }

    @Test
    void relaysGoBeforeBroadcastsAcrossChats() {
        fixture.close();
        fixture = sender(LimitsProfile.NORMAL.limits(), SenderSettings.defaults().withMaxInFlight(1));
        List<SimulatedUser> users = List.of(startedUser("A"), startedUser("B"), startedUser("C"), startedUser("D"));
        for (SimulatedUser user : users) {
            fixture.enqueueText(user.id(), Priority.BROADCAST, "news");
        }
        SimulatedUser relayed = startedUser("E");
        fixture.enqueueText(relayed.id(), Priority.RELAY, "hello");

        fixture.dispatch();

        assertThat(fixture.events).containsExactly("delivered " + relayed.id() + " hello");
        fixture.dispatchAll();
        assertThat(fixture.events).hasSize(5);
    }

    @Test
    void floodWaitPausesTheChatForRetryAfterAndDelaysNoOther() throws Exception {
        SimulatedUser slow = startedUser("Slow");
        SimulatedUser other = startedUser("Other");
        fixture.bot.faults().failNextInChat(slow.id(), 1, Fault.tooManyRequests(3));

        fixture.enqueueText(slow.id(), Priority.RELAY, "held back");
        fixture.dispatchAll();
        fixture.enqueueText(other.id(), Priority.RELAY, "goes now");
        fixture.dispatchAll();

        assertThat(delivered(other.id())).as("another chat goes at once").isEqualTo(1);
        assertThat(delivered(slow.id())).isZero();
        advanceAndDispatch(Duration.ofMillis(2999));
        assertThat(delivered(slow.id())).as("not before retry_after").isZero();
        advanceAndDispatch(Duration.ofMillis(1));
        assertThat(slow.received()).singleElement().extracting(ChatMessage::text).isEqualTo("held back");
        assertThat(fixture.registry.get(OutboxSender.FLOOD_WAITS).tag("scope", "chat").counter().count()).isEqualTo(1);
        List<String> violations = Files.readAllLines(logs.resolve("violations.log"));
        assertThat(violations).singleElement().asString()
                .contains("\"kind\":\"floodwait\"").contains("\"chat\":" + slow.id())
                .contains("\"method\":\"sendmessage\"").contains("\"retry_after\":3")
                .contains("\"scope\":\"chat\"");
    }

    @Test
    void refusalsInSeveralChatsPauseEveryChatForTheLongestRetryAfter() {
        List<SimulatedUser> refused = List.of(startedUser("A"), startedUser("B"), startedUser("C"));
        SimulatedUser later = startedUser("Later");
        fixture.bot.faults().failFor("sendMessage", Duration.ofMillis(300), Fault.tooManyRequests(2));

        for (SimulatedUser user : refused) {
            fixture.enqueueText(user.id(), Priority.NOTICE, "after the pause");
        }
        fixture.dispatchAll();
        assertThat(fixture.registry.get(OutboxSender.FLOOD_WAITS).tag("scope", "global").counter().count())
                .isGreaterThanOrEqualTo(1);

        // Telegram would take calls again after 300 ms, but the bot-wide pause holds every chat,
        // even one that was never refused
        advanceAndDispatch(Duration.ofMillis(500));
        fixture.enqueueText(later.id(), Priority.RELAY, "also waits");
        advanceAndDispatch(Duration.ofMillis(1499));
        assertThat(fixture.bot.stats().totalDelivered()).isZero();

        advanceAndDispatch(Duration.ofMillis(1));
        for (SimulatedUser user : refused) {
            assertThat(delivered(user.id())).as("to %s", user).isEqualTo(1);
        }
        assertThat(delivered(later.id())).isEqualTo(1);
    }

    @Test
    void blockedRecipientIsMarkedItsQueueCancelledAndTheOwnerTold() {
        SimulatedUser gone = startedUser("Gone");
        gone.blockBot();

        long first = fixture.enqueueText(gone.id(), Priority.RELAY, "first");
        fixture.dispatchAll();
        assertThat(fixture.events).containsExactly("blocked " + gone.id());
        long later = fixture.enqueueText(gone.id(), Priority.NOTICE, "later");
        fixture.dispatchAll();

        assertThat(fixture.status(later)).isEqualTo("cancelled");
        assertThat(fixture.status(first)).isEqualTo("parked");
        Boolean marked = database.jdbi().withHandle(handle -> handle.createQuery(
                "select exists (select 1 from blocked_recipients where chat_id = :id)").bind("id", gone.id())
                .mapTo(Boolean.class).one());
        assertThat(marked).isTrue();
    }

    /**
     * The user's update is stored and handled (mark cleared, answer queued) in a transaction
     * still open while the sender records a 403 for a message queued before it: the sender
     * must wait for that transaction, then see the user has written and mark nothing.
     */
    @Test
    void aRefusalRecordedWhileTheUsersReturnIsHandledNeitherMarksThemNorCancelsTheAnswer() throws Exception {
        SimulatedUser back = startedUser("Back");
        back.blockBot();
        long refused = fixture.enqueueText(back.id(), Priority.RELAY, "before they left");
        clock.advance(Duration.ofSeconds(1));
        long updateId = 900_000_000L + back.id() % 1_000_000;

        try (Handle returning = database.jdbi().open()) {
            returning.begin();
            BlockedRecipients.reachableAgain(returning, List.of(back.id())); // as the intake does, for a batch
            returning.createUpdate("""
                    insert into inbox (update_id, kind, user_id, chat_id, payload, status, next_attempt_at, received_at,
                                       handled_at)
                    values (:id, 'message', :user, :user, '{}'::jsonb, 'handled', :now, :now, :now)
                    """).bind("id", updateId).bind("user", back.id()).bind("now", clock.instant()).execute();
            long answer = fixture.outbox.enqueue(returning, OutboundMessage.of(back.id(), Priority.NOTICE,
                    SendMessage.builder().chatId(back.id()).text("welcome back").build()));

            CompletableFuture<Void> sending = CompletableFuture.runAsync(fixture::dispatch);
            await().atMost(WAIT).until(() -> sending.isDone() || waitingOnAnAdvisoryLock());
            returning.commit();
            sending.get(WAIT.toSeconds(), TimeUnit.SECONDS);

            assertThat(fixture.status(refused)).isEqualTo("parked");
            assertThat(fixture.status(answer)).as("the answer to their return").isEqualTo("queued");
            Boolean marked = database.jdbi().withHandle(handle -> handle.createQuery(
                    "select exists (select 1 from blocked_recipients where chat_id = :id)").bind("id", back.id())
                    .mapTo(Boolean.class).one());
            assertThat(marked).as("marked as blocked").isFalse();
            assertThat(fixture.events).noneMatch(event -> event.startsWith("blocked"));
        } finally {
            database.jdbi().useHandle(handle -> handle.execute("delete from inbox where update_id = ?", updateId));
        }
    }

    private boolean waitingOnAnAdvisoryLock() {
        return database.jdbi().withHandle(handle -> handle.createQuery(
                "select exists (select 1 from pg_locks where locktype = 'advisory' and not granted)")
                .mapTo(Boolean.class).one());
    }

    @Test
    void badRequestIsParkedWithTelegramsReason() {
        long nobody = 999_999_999L;

        long id = fixture.enqueueText(nobody, Priority.NOTICE, "to nobody");
        fixture.dispatchAll();

        assertThat(fixture.status(id)).isEqualTo("parked");
        assertThat(fixture.events).singleElement().asString().startsWith("parked " + nobody).contains("chat not found");
    }

    @Test
    void anEditThatChangesNothingCountsAsSentNotParked() {
        SimulatedUser alice = startedUser("Alice");
        fixture.enqueueText(alice.id(), Priority.NOTICE, "searching");
        fixture.dispatchAll();
        int messageId = alice.received().get(0).messageId();

        long id = database.jdbi().inTransaction(handle -> fixture.outbox.enqueue(handle, OutboundMessage.of(alice.id(),
                Priority.NOTICE, EditMessageText.builder().chatId(alice.id()).messageId(messageId).text("searching")
                        .build())));
        advanceAndDispatch(Duration.ofSeconds(2));

        assertThat(fixture.status(id)).as("Telegram: message is not modified").isEqualTo("sent");
        assertThat(fixture.events).noneMatch(event -> event.startsWith("parked"));
    }

    @Test
    void serverErrorsAreRetriedWithJitteredExponentialBackoffUntilDelivered() {
        SimulatedUser user = startedUser("Patient");
        fixture.bot.faults().failNextInChat(user.id(), 2, Fault.badGateway());

        long id = fixture.enqueueText(user.id(), Priority.NOTICE, "eventually");
        fixture.dispatchAll();
        // back-offs of 100 then 200 ms (first retry 100 ms, doubling), each jittered within its upper half
        Duration firstBackoff = retryIn(id);
        assertThat(firstBackoff).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
        advanceAndDispatch(firstBackoff.minusMillis(1));
        assertThat(attempts(id)).as("not before the back-off").isEqualTo(1);
        advanceAndDispatch(Duration.ofMillis(1));
        assertThat(attempts(id)).isEqualTo(2);
        assertThat(retryIn(id)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
        // the third attempt also waits for the chat's send budget (2 at once, then 1/s)
        runUntil(() -> fixture.status(id).equals("sent"), Duration.ofMillis(100), Duration.ofSeconds(2));

        assertThat(attempts(id)).isEqualTo(3);
        assertThat(user.received()).singleElement().extracting(ChatMessage::text).isEqualTo("eventually");
    }

    private Duration retryIn(long outboxId) {
        Instant notBefore = database.jdbi().withHandle(handle -> handle.createQuery(
                "select not_before from outbox where id = :id and status = 'queued'").bind("id", outboxId)
                .mapTo(Instant.class).one());
        return Duration.between(clock.instant(), notBefore);
    }

    private int attempts(long outboxId) {
        return database.jdbi().withHandle(handle -> handle.createQuery("select attempts from outbox where id = :id")
                .bind("id", outboxId).mapTo(Integer.class).one());
    }

    @Test
    void persistentServerErrorsEndParkedNotLost() {
        SimulatedUser user = startedUser("Unlucky");
        fixture.bot.faults().failNextInChat(user.id(), 10, Fault.internalServerError());

        long id = fixture.enqueueText(user.id(), Priority.NOTICE, "never");
        runUntil(() -> fixture.status(id).equals("parked"), Duration.ofMillis(50), Duration.ofSeconds(5));

        assertThat(fixture.events).singleElement().asString().contains("gave up after 3 attempts");
    }

    @Test
    void theGlobalLimitKeepsTelegramFromAnswering429() {
        fixture.close();
        fixture = sender(new RateLimits("custom", 1, 1, 10, 5, 20, false), SenderSettings.defaults());
        fixture.bot.setLimits(EmulatorLimits.telegramDefaults().withGlobal(10, 5));
        List<SimulatedUser> users = new ArrayList<>();
        for (int index = 0; index < 25; index++) {
            users.add(startedUser("U" + index));
        }

        users.forEach(user -> fixture.enqueueText(user.id(), Priority.BROADCAST, "news"));
        fixture.dispatchAll();

        // a burst of 2 (5 less the jitter reserve), then one every 100 ms
        assertThat(fixture.bot.stats().totalDelivered()).isEqualTo(2);
        for (int step = 1; step <= 10; step++) {
            advanceAndDispatch(Duration.ofMillis(100));
        }
        assertThat(fixture.bot.stats().totalDelivered()).isEqualTo(12);
        runUntil(() -> fixture.bot.stats().totalDelivered() == 25, Duration.ofMillis(100), Duration.ofMillis(1300));
        assertThat(fixture.bot.stats().tooManyRequests()).isZero();
    }

    @Test
    void aGroupIsHeldToTwentyMessagesAMinute() {
        SimulatedGroup group = fixture.bot.newGroup("Night owls");
        for (int index = 1; index <= 50; index++) {
            fixture.enqueueText(group.id(), Priority.BROADCAST, "post " + index);
        }

        fixture.dispatchAll();
        assertThat(delivered(group.id())).as("the burst: 3 less the jitter reserve").isEqualTo(2);
        for (int minute = 1; minute <= 2; minute++) {
            for (int second = 0; second < 60; second++) {
                advanceAndDispatch(Duration.ofSeconds(1));
            }
            assertThat(delivered(group.id())).as("after %d minute(s)", minute).isEqualTo(2 + 20L * minute);
        }
        assertThat(fixture.bot.stats().tooManyRequests()).as("Telegram's 20/min, on the same clock").isZero();
    }

    private static List<LoggedRequest> sendMessageCalls(SenderFixture sender) {
        return sender.bot.requestLog().stream().filter(call -> call.method().equals("sendMessage")).toList();
    }

    @Test
    void onTheWallClockTheRunningSenderWakesForNewRowsAndWaitsOutAFloodWait() {
        try (TelegramEmulator wallClockEmulator = TelegramEmulator.builder().limits(EmulatorLimits.telegramDefaults())
                .build().start();
             SenderFixture running = new SenderFixture(database, wallClockEmulator, logs, LimitsProfile.NORMAL.limits(),
                     SenderSettings.defaults(), Clock.systemUTC())) {
            running.sender.start();
            SimulatedUser user = running.bot.newUser("Realtime");
            user.sendCommand("start");
            running.bot.faults().failNextInChat(user.id(), 1, Fault.tooManyRequests(1));

            running.enqueueText(user.id(), Priority.RELAY, "after a real second");

            assertThat(user.awaitMessage(WAIT).text()).isEqualTo("after a real second");
            // the emulator logs a call as it answers, a moment after the chat shows the message
            await().atMost(WAIT).until(() -> sendMessageCalls(running).size() == 2);
            List<LoggedRequest> calls = sendMessageCalls(running);
            assertThat(calls).extracting(LoggedRequest::status).containsExactly(429, 200);
            assertThat(Duration.between(calls.get(0).at(), calls.get(1).at())).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        }
    }
}
