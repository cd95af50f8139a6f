package org.luvhive.core.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.luvhive.core.limits.LimitsProfile;
import org.luvhive.core.limits.RateLimits;
import org.luvhive.core.testing.PostgresExtension;
import org.luvhive.core.testing.TestDatabase;
import org.luvhive.testkit.telegram.ChatMessage;
import org.luvhive.testkit.telegram.EmulatorLimits;
import org.luvhive.testkit.telegram.Fault;
import org.luvhive.testkit.telegram.SimulatedUser;
import org.luvhive.testkit.telegram.TelegramEmulator;

@ExtendWith(PostgresExtension.class)
class OutboxSenderTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private final TestDatabase database;
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
        emulator = TelegramEmulator.builder().limits(EmulatorLimits.telegramDefaults()).build().start();
        fixture = new SenderFixture(database, emulator, logs, LimitsProfile.NORMAL.limits(),
                SenderSettings.defaults().withRetries(3, Duration.ofMillis(100), Duration.ofMillis(400)));
        fixture.sender.start();
    }

    @AfterEach
    void stop() {
        fixture.close();
        emulator.close();
    }

    private SimulatedUser startedUser(String name) {
        SimulatedUser user = fixture.bot.newUser(name);
        user.sendCommand("start");
        return user;
    }

    @Test
    void deliversInQueueOrderWithinAChatAndTellsTheOwner() {
        SimulatedUser alice = startedUser("Alice");

        fixture.enqueueText(alice.id(), Priority.NOTICE, "one");
        fixture.enqueueText(alice.id(), Priority.RELAY, "two");
        fixture.enqueueText(alice.id(), Priority.BROADCAST, "three");

        assertThat(alice.awaitMessage(WAIT).text()).isEqualTo("one");
        assertThat(alice.awaitMessage(WAIT).text()).isEqualTo("two");
        assertThat(alice.awaitMessage(WAIT).text()).isEqualTo("three");
        await().atMost(WAIT).until(() -> fixture.events.size() == 3);
        assertThat(fixture.events).containsExactly("delivered " + alice.id() + " one", "delivered " + alice.id() + " two",
                "delivered " + alice.id() + " three");
        Integer payloadsLeft = database.jdbi().withHandle(handle -> handle.createQuery(
                "select count(*) from outbox where payload is not null").mapTo(Integer.class).one());
        assertThat(payloadsLeft).as("a sent row keeps no text").isZero();
    }

    @Test
    void relaysGoBeforeBroadcastsAcrossChats() {
        fixture.sender.stop(Duration.ofSeconds(1));
        List<SimulatedUser> users = List.of(startedUser("A"), startedUser("B"), startedUser("C"), startedUser("D"));
        for (SimulatedUser user : users) {
            fixture.enqueueText(user.id(), Priority.BROADCAST, "news");
        }
        SimulatedUser relayed = startedUser("E");
        fixture.enqueueText(relayed.id(), Priority.RELAY, "hello");

        SenderFixture sequential = new SenderFixture(database, emulator, logs, LimitsProfile.NORMAL.limits(),
                new SenderSettings(1, Duration.ofSeconds(30), Duration.ofMillis(50), 3, Duration.ofMillis(100),
                        Duration.ofSeconds(1), Duration.ofSeconds(1)));
        try {
            sequential.sender.start();
            relayed.awaitMessage(WAIT);
            await().atMost(WAIT).until(() -> sequential.events.size() == 5);
            assertThat(sequential.events.get(0)).isEqualTo("delivered " + relayed.id() + " hello");
        } finally {
            sequential.close();
        }
    }

    @Test
    void floodWaitInOneChatDoesNotDelayAnother() throws Exception {
        SimulatedUser slow = startedUser("Slow");
        SimulatedUser other = startedUser("Other");
        fixture.bot.faults().failNextInChat(slow.id(), 1, Fault.tooManyRequests(3));

        Instant start = Instant.now();
        fixture.enqueueText(slow.id(), Priority.RELAY, "held back");
        Thread.sleep(300); // let the 429 land first
        fixture.enqueueText(other.id(), Priority.RELAY, "goes now");

        other.awaitMessage(WAIT);
        Duration otherTook = Duration.between(start, Instant.now());
        ChatMessage held = slow.awaitMessage(WAIT);
        Duration slowTook = Duration.between(start, Instant.now());

        assertThat(held.text()).isEqualTo("held back");
        assertThat(otherTook).isLessThan(Duration.ofSeconds(2));
        assertThat(slowTook).isBetween(Duration.ofMillis(2900), Duration.ofSeconds(6));
        assertThat(fixture.registry.get("luvhive.telegram.floodwait").tag("scope", "chat").counter().count()).isEqualTo(1);
        List<String> violations = Files.readAllLines(logs.resolve("violations.log"));
        assertThat(violations).singleElement().asString()
                .contains("\"kind\":\"floodwait\"").contains("\"chat\":" + slow.id())
                .contains("\"method\":\"sendmessage\"").contains("\"retry_after\":3");
    }

    @Test
    void globalFloodWaitPausesEverythingForRetryAfter() {
        List<SimulatedUser> users = List.of(startedUser("A"), startedUser("B"), startedUser("C"));
        fixture.bot.faults().failFor("sendMessage", Duration.ofMillis(300), Fault.tooManyRequests(2));

        Instant start = Instant.now();
        for (SimulatedUser user : users) {
            fixture.enqueueText(user.id(), Priority.NOTICE, "after the pause");
        }
        for (SimulatedUser user : users) {
            user.awaitMessage(WAIT);
        }
        Duration took = Duration.between(start, Instant.now());

        assertThat(took).isBetween(Duration.ofMillis(1900), Duration.ofSeconds(6));
        assertThat(fixture.registry.get("luvhive.telegram.floodwait").tag("scope", "global").counter().count())
                .isGreaterThanOrEqualTo(1);
        assertThat(fixture.bot.stats().delivered(users.get(0).id())).isEqualTo(1);
    }

    @Test
    void blockedRecipientIsMarkedItsQueueCancelledAndTheOwnerTold() {
        SimulatedUser gone = startedUser("Gone");
        gone.blockBot();

        long first = fixture.enqueueText(gone.id(), Priority.RELAY, "first");
        await().atMost(WAIT).until(() -> fixture.events.contains("blocked " + gone.id()));
        long later = fixture.enqueueText(gone.id(), Priority.NOTICE, "later");

        await().atMost(WAIT).until(() -> fixture.status(later).equals("cancelled"));
        assertThat(fixture.status(first)).isEqualTo("parked");
        Boolean marked = database.jdbi().withHandle(handle -> handle.createQuery(
                "select exists (select 1 from blocked_recipients where chat_id = :id)").bind("id", gone.id())
                .mapTo(Boolean.class).one());
        assertThat(marked).isTrue();
    }

    @Test
    void badRequestIsParkedWithTelegramsReason() {
        long nobody = 999_999_999L;

        long id = fixture.enqueueText(nobody, Priority.NOTICE, "to nobody");

        await().atMost(WAIT).until(() -> fixture.status(id).equals("parked"));
        assertThat(fixture.events).singleElement().asString().startsWith("parked " + nobody).contains("chat not found");
    }

    @Test
    void serverErrorsAreRetriedWithBackoffUntilDelivered() {
        SimulatedUser user = startedUser("Patient");
        fixture.bot.faults().failNextInChat(user.id(), 2, Fault.badGateway());

        long id = fixture.enqueueText(user.id(), Priority.NOTICE, "eventually");

        assertThat(user.awaitMessage(WAIT).text()).isEqualTo("eventually");
        await().atMost(WAIT).until(() -> fixture.status(id).equals("sent"));
        Integer attempts = database.jdbi().withHandle(handle -> handle.createQuery(
                "select attempts from outbox where id = :id").bind("id", id).mapTo(Integer.class).one());
        assertThat(attempts).isEqualTo(3);
    }

    @Test
    void persistentServerErrorsEndParkedNotLost() {
        SimulatedUser user = startedUser("Unlucky");
        fixture.bot.faults().failNextInChat(user.id(), 10, Fault.internalServerError());

        long id = fixture.enqueueText(user.id(), Priority.NOTICE, "never");

        await().atMost(WAIT).until(() -> fixture.status(id).equals("parked"));
        assertThat(fixture.events).singleElement().asString().contains("gave up after 3 attempts");
    }

    @Test
    void globalLimitKeepsTelegramFromAnswering429() {
        RateLimits tight = new RateLimits("custom", 1, 1, 10, 5, 20, false);
        fixture.close();
        fixture = new SenderFixture(database, emulator, logs, tight, SenderSettings.defaults());
        fixture.bot.setLimits(EmulatorLimits.telegramDefaults().withGlobal(10, 5));
        fixture.sender.start();
        List<SimulatedUser> users = new java.util.ArrayList<>();
        for (int index = 0; index < 25; index++) {
            users.add(startedUser("U" + index));
        }

        Instant start = Instant.now();
        users.forEach(user -> fixture.enqueueText(user.id(), Priority.BROADCAST, "news"));
        users.forEach(user -> user.awaitMessage(WAIT));
        Duration took = Duration.between(start, Instant.now());

        // 5 at once, then 10 a second: 25 take about 2 s
        assertThat(took).isBetween(Duration.ofMillis(1800), Duration.ofSeconds(6));
        assertThat(fixture.bot.stats().tooManyRequests()).isZero();
    }
}
