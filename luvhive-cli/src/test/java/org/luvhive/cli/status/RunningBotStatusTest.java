package org.luvhive.cli.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.luvhive.bot.BotApplication;
import org.luvhive.bot.testing.Runners;
import org.luvhive.cli.CliRun;
import org.luvhive.core.delivery.OutboundMessage;
import org.luvhive.core.delivery.Priority;
import org.luvhive.core.ops.alerts.Alert;
import org.luvhive.core.testing.PostgresExtension;
import org.luvhive.core.testing.TestDatabase;
import org.luvhive.testkit.telegram.EmulatedBot;
import org.luvhive.testkit.telegram.EmulatorLimits;
import org.luvhive.testkit.telegram.Fault;
import org.luvhive.testkit.telegram.SimulatedUser;
import org.luvhive.testkit.telegram.TelegramEmulator;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;

/**
 * What {@code luvhive status} shows comes from running bots: a bot writes its alert state
 * as it evaluates its own meters, FloodWaits it meets make its floodwait alert fire, and
 * its clean stop takes its rows away.
 */
@ExtendWith(PostgresExtension.class)
class RunningBotStatusTest {

    private static final String TOKEN = "727272:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw8";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestDatabase database;

    @TempDir
    Path home;

    RunningBotStatusTest(TestDatabase database) {
        this.database = database;
    }

    @Test
    void statusReadsTheAlertsARunningBotWritesAndForgetsThemWhenItStops() throws Exception {
        try (TelegramEmulator emulator = TelegramEmulator.builder().limits(EmulatorLimits.unlimited()).build().start()) {
            EmulatedBot bot = emulator.bot(TOKEN);
            Map<String, String> environment = Runners.environment(database, emulator, TOKEN, home, Map.of());
            assertThat(status(environment).path("exit_code").asInt()).as("no bot yet").isEqualTo(21);

            BotApplication application = Runners.echo(environment, home);
            String instance = ":" + ProcessHandle.current().pid();
            try {
                JsonNode healthy = awaitStatus(environment, 0);
                assertThat(healthy.path("instances")).singleElement().satisfies(reported -> {
                    assertThat(reported.path("instance").asText()).endsWith(instance);
                    assertThat(reported.path("alerts")).hasSize(Alert.values().length)
                            .allSatisfy(alert -> assertThat(alert.path("state").asText()).isEqualTo("ok"));
                });

                // six FloodWaits within a minute: more than the runbook's five
                bot.faults().failNext("sendMessage", 6, Fault.tooManyRequests(1));
                database.jdbi().useTransaction(handle -> {
                    for (int index = 0; index < 6; index++) {
                        SimulatedUser user = bot.newUser("U" + index);
                        user.sendCommand("start");
                        application.pipeline().outbox().enqueue(handle, OutboundMessage.of(user.id(), Priority.NOTICE,
                                SendMessage.builder().chatId(user.id()).text("hello").build()));
                    }
                });

                JsonNode firing = awaitStatus(environment, 20);
                assertThat(firing.path("status").asText()).isEqualTo("firing");
                assertThat(firing.path("instances").get(0).path("alerts"))
                        .filteredOn(alert -> alert.path("alert").asText().equals("floodwait")).singleElement()
                        .satisfies(floodwait -> {
                            assertThat(floodwait.path("state").asText()).isEqualTo("firing");
                            assertThat(floodwait.path("value").asDouble()).isGreaterThanOrEqualTo(6);
                        });
            } finally {
                application.close();
            }
            assertThat(status(environment).path("exit_code").asInt()).as("a clean stop removes its rows").isEqualTo(21);
        }
    }

    private JsonNode awaitStatus(Map<String, String> environment, int exitCode) {
        AtomicReference<JsonNode> last = new AtomicReference<>();
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> {
            last.set(status(environment));
            return last.get().path("exit_code").asInt() == exitCode;
        });
        return last.get();
    }

    private JsonNode status(Map<String, String> environment) throws Exception {
        CliRun run = CliRun.run(environment, home, "status", "--json");
        return JSON.readTree(run.out());
    }
}
