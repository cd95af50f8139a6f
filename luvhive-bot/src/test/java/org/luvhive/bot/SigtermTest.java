package org.luvhive.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.luvhive.bot.testing.Runners;
import org.luvhive.core.delivery.OutboundMessage;
import org.luvhive.core.delivery.Outbox;
import org.luvhive.core.delivery.Priority;
import org.luvhive.core.testing.PostgresExtension;
import org.luvhive.core.testing.TestDatabase;
import org.luvhive.testkit.telegram.ChatMessage;
import org.luvhive.testkit.telegram.EmulatedBot;
import org.luvhive.testkit.telegram.EmulatorLimits;
import org.luvhive.testkit.telegram.Fault;
import org.luvhive.testkit.telegram.LoggedRequest;
import org.luvhive.testkit.telegram.SimulatedUser;
import org.luvhive.testkit.telegram.TelegramEmulator;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;

/**
 * The real entry point under SIGTERM (README "Shutdown"): with a call to Telegram in flight
 * (the emulator answers it slowly) and more messages queued behind it, the call finishes
 * and is recorded, the rest stays queued for the next start, and the process exits 0.
 */
@ExtendWith(PostgresExtension.class)
class SigtermTest {

    private static final String TOKEN = "636363:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw8";
    private static final Duration SLOW_ANSWER = Duration.ofSeconds(5);
    private static final int QUEUED = 5;

    private final TestDatabase database;

    @TempDir
    Path home;

    SigtermTest(TestDatabase database) {
        this.database = database;
    }

    @Test
    void sigtermFinishesTheCallInFlightLeavesTheRestQueuedAndExitsZero() throws Exception {
        try (TelegramEmulator emulator = TelegramEmulator.builder().limits(EmulatorLimits.unlimited()).build().start()) {
            EmulatedBot bot = emulator.bot(TOKEN);
            SimulatedUser user = bot.newUser("Patient");
            Path log = home.resolve("bot.out");
            Process process = startBot(Runners.environment(database, emulator, TOKEN, home, Map.of()), log);
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> {
                    assertThat(process.isAlive()).as("the bot started: %s", Files.readString(log)).isTrue();
                    return Files.readString(log).contains("LuvHive is running");
                });
                user.sendCommand("start");
                user.awaitMessageContaining("Welcome to LuvHive", Duration.ofSeconds(30));
                await().atMost(Duration.ofSeconds(30)).until(() -> count("queued") + count("sending") == 0);
                long sentBefore = count("sent");
                int callsBefore = sendMessageCalls(bot).size();

                bot.faults().failChatFor(user.id(), Duration.ofMinutes(5), Fault.delay(SLOW_ANSWER));
                Outbox outbox = new Outbox(new ObjectMapper(), Clock.systemUTC(), () -> { });
                database.jdbi().useTransaction(handle -> {
                    for (int index = 1; index <= QUEUED; index++) {
                        outbox.enqueue(handle, OutboundMessage.of(user.id(), Priority.NOTICE,
                                SendMessage.builder().chatId(user.id()).text("notice " + index).build()));
                    }
                });
                await().atMost(Duration.ofSeconds(30)).until(() -> count("sending") == 1);

                Instant signalled = Instant.now();
                process.destroy(); // SIGTERM
                assertThat(process.waitFor(40, TimeUnit.SECONDS)).as("exited").isTrue();

                String output = Files.readString(log);
                assertThat(process.exitValue()).as("exit code; output: %s", output).isZero();
                assertThat(output).contains("SIGTERM: stopping intake").contains("LuvHive stopped");
                // normally the first notice's call; on a very slow machine an earlier one may have
                // finished before the signal, but never more than one call is in flight in a chat
                List<LoggedRequest> sends = sendMessageCalls(bot);
                List<LoggedRequest> notices = sends.subList(callsBefore, sends.size());
                assertThat(notices).isNotEmpty();
                assertThat(notices.get(notices.size() - 1).at()).as("the call in flight, answered after the signal")
                        .isAfter(signalled);
                assertThat(notices.subList(0, notices.size() - 1)).allMatch(call -> call.at().isBefore(signalled));
                int finished = notices.size();
                assertThat(user.received()).extracting(ChatMessage::text).filteredOn(text -> text.startsWith("notice"))
                        .containsExactlyElementsOf(IntStream.rangeClosed(1, finished).mapToObj(index -> "notice " + index)
                                .toList());
                assertThat(count("sent")).isEqualTo(sentBefore + finished);
                assertThat(count("sending")).isZero();
                assertThat(count("queued")).as("left for the next start").isEqualTo(QUEUED - finished);
            } finally {
                process.destroyForcibly();
            }
        }
    }

    private static Process startBot(Map<String, String> environment, Path log) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), BotMain.class.getName())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        builder.environment().put("LUVHIVE_ENV_FILE", "");
        return builder.start();
    }

    private static List<LoggedRequest> sendMessageCalls(EmulatedBot bot) {
        return bot.requestLog().stream().filter(call -> call.method().equals("sendMessage")).toList();
    }

    private long count(String status) {
        return database.jdbi().withHandle(handle -> handle.createQuery(
                "select count(*) from outbox where status = :status").bind("status", status).mapTo(Long.class).one());
    }
}
