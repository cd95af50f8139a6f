package org.luvhive.bot.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.luvhive.bot.BotApplication;
import org.luvhive.bot.testing.Runners;
import org.luvhive.core.delivery.OutboxSender;
import org.luvhive.core.telegram.RawUpdate;
import org.luvhive.core.testing.PostgresExtension;
import org.luvhive.core.testing.TestDatabase;
import org.luvhive.core.update.InboxStore;
import org.luvhive.testkit.telegram.EmulatedBot;
import org.luvhive.testkit.telegram.EmulatorLimits;
import org.luvhive.testkit.telegram.Fault;
import org.luvhive.testkit.telegram.SimulatedUser;
import org.luvhive.testkit.telegram.TelegramEmulator;

/**
 * The running bot polling an emulator that serves updates no client would send, between
 * users' ordinary messages: the poison is quarantined and confirmed, everyone else is
 * answered, nothing is fetched again and again. And a 429 on getUpdates is waited out,
 * counted and logged like a send's.
 */
@ExtendWith(PostgresExtension.class)
class PoisonIntakeTest {

    private static final String TOKEN = "515151:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw8";
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final TestDatabase database;
    private TelegramEmulator emulator;
    private EmulatedBot bot;
    private BotApplication application;

    @TempDir
    Path home;

    PoisonIntakeTest(TestDatabase database) {
        this.database = database;
    }

    @BeforeEach
    void start() {
        database.jdbi().useHandle(handle -> handle.execute("truncate inbox, outbox, update_quarantine"));
        emulator = TelegramEmulator.builder().limits(EmulatorLimits.unlimited()).build().start();
        bot = emulator.bot(TOKEN);
        application = Runners.echo(Runners.environment(database, emulator, TOKEN, home, Map.of()), home);
        await().atMost(WAIT).until(bot::isLongPolling);
    }

    @AfterEach
    void stop() {
        application.close();
        emulator.close();
    }

    private long quarantined() {
        return database.jdbi().withHandle(handle -> handle.createQuery("select count(*) from update_quarantine")
                .mapTo(Long.class).one());
    }

    @Test
    void poisonIsQuarantinedAndConfirmedAndEveryoneElseIsAnswered() {
        SimulatedUser ann = bot.newUser("Ann");
        SimulatedUser bob = bot.newUser("Bob");
        ann.sendText("before");
        bot.injectRawUpdate("message", "{\"update_id\":${update_id},\"message\":{\"message_id\":70,\"date\":1,"
                + "\"from\":{\"id\":70,\"is_bot\":false,\"first_name\":\"X\"},\"text\":\"no chat\"}}");
        bot.injectRawUpdate("callback_query", "{\"update_id\":${update_id},\"callback_query\":{\"id\":\"c\","
                + "\"chat_instance\":\"i\",\"data\":\"x\"}}");
        bot.injectRawUpdate("message", "{\"update_id\":${update_id},\"message\":{\"message_id\":71,\"date\":1,"
                + "\"chat\":{\"id\":71,\"type\":\"private\"},\"unknown\":" + "{\"a\":".repeat(10_000) + "1"
                + "}".repeat(10_000) + "}}");
        bot.injectRawUpdate("message", "null");
        bob.sendText("nul: a\u0000b");
        ann.sendText("after");

        assertThat(ann.awaitMessage(WAIT).text()).isEqualTo("echo: before");
        assertThat(ann.awaitMessage(WAIT).text()).isEqualTo("echo: after");
        assertThat(bob.awaitMessage(WAIT).text()).as("the text as far as PostgreSQL allows").isEqualTo("echo: nul: ab");
        await().atMost(WAIT).until(() -> quarantined() == 4);
        await().atMost(WAIT).until(() -> bot.pendingUpdateCount() == 0);
        long polls = bot.stats().calls("getUpdates");
        await().atMost(WAIT).until(bot::isLongPolling);
        assertThat(bot.stats().calls("getUpdates") - polls).as("no batch fetched again and again").isLessThanOrEqualTo(2);
        assertThat(application.registry().find(InboxStore.QUARANTINED).counters().stream()
                .mapToDouble(Counter::count).sum()).isEqualTo(4.0);
    }

    @Test
    void a429OnGetUpdatesIsWaitedOutCountedAndLogged() throws Exception {
        bot.faults().failNext("getUpdates", 1, Fault.tooManyRequests(1));
        SimulatedUser ann = bot.newUser("Ann");
        ann.sendText("hello");

        assertThat(ann.awaitMessage(WAIT).text()).isEqualTo("echo: hello");
        // the poll parked before the fault may bring "hello": the 429 then meets the next poll
        Path violations = home.resolve("logs/violations.log");
        await().atMost(WAIT).untilAsserted(() -> {
            // find(), not get(): the counter is registered with the first 429, and untilAsserted
            // retries only assertion errors, so get()'s MeterNotFoundException ended the wait at once
            Counter floodWaits = application.registry().find(OutboxSender.FLOOD_WAITS).tag("scope", "intake")
                    .tag("method", "getupdates").counter();
            assertThat(floodWaits).as("the intake's FloodWait counter").isNotNull();
            assertThat(floodWaits.count()).isEqualTo(1);
            assertThat(Files.exists(violations) ? Files.readAllLines(violations) : List.<String>of())
                    .singleElement().satisfies(line -> assertThat(line)
                    .contains("\"kind\":\"floodwait\"", "\"chat\":null", "\"method\":\"getupdates\"",
                            "\"retry_after\":1", "\"scope\":\"intake\""));
        });
    }

    @Test
    void anUpdateWithoutANumberIsConfirmedWithTheOneAfterItsPredecessor() {
        List<RawUpdate> batch = List.of(RawUpdate.of("{\"update_id\":41}"), RawUpdate.of("null"),
                RawUpdate.of("{\"update_id\":43}"), RawUpdate.of("null"));

        assertThat(LongPollingIntake.nextOffset(0, batch)).isEqualTo(45);
        assertThat(LongPollingIntake.nextOffset(40, List.of(RawUpdate.of("null")))).isEqualTo(41);
        assertThat(LongPollingIntake.nextOffset(0, List.of(RawUpdate.of("null"))))
                .as("nothing to count from: left unconfirmed rather than guessed").isZero();
    }
}
