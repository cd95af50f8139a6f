package org.luvhive.bot.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.luvhive.bot.BotApplication;
import org.luvhive.bot.testing.Runners;
import org.luvhive.core.i18n.Language;
import org.luvhive.core.i18n.Texts;
import org.luvhive.core.testing.PostgresExtension;
import org.luvhive.core.testing.TestDatabase;
import org.luvhive.testkit.net.TcpProxy;
import org.luvhive.testkit.telegram.EmulatedBot;
import org.luvhive.testkit.telegram.EmulatorLimits;
import org.luvhive.testkit.telegram.SimulatedUser;
import org.luvhive.testkit.telegram.TelegramEmulator;

/**
 * While the bot cannot reach its database, nothing it receives is confirmed to Telegram:
 * polling keeps its offset (the updates stay pending at Telegram), the webhook answers
 * 503 (Telegram delivers again). When the database is back, every update is handled, in
 * order, and nobody is told to slow down for a backlog they did not send too fast.
 */
@ExtendWith(PostgresExtension.class)
class DatabaseOutageIntakeTest {

    private static final String TOKEN = "525252:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw8";
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final TestDatabase database;
    private TelegramEmulator emulator;
    private EmulatedBot bot;
    private TcpProxy proxy;
    private BotApplication application;

    @TempDir
    Path home;

    DatabaseOutageIntakeTest(TestDatabase database) {
        this.database = database;
    }

    @BeforeEach
    void start() {
        database.jdbi().useHandle(handle -> handle.execute("truncate inbox, outbox, update_quarantine"));
        emulator = TelegramEmulator.builder().limits(EmulatorLimits.unlimited()).build().start();
        bot = emulator.bot(TOKEN);
        proxy = TcpProxy.to(database.url().host(), database.url().port());
    }

    @AfterEach
    void stop() {
        if (application != null) {
            application.close();
        }
        proxy.close();
        emulator.close();
    }

    /** The bot's environment, its database reached through the proxy. */
    private Map<String, String> environment(Map<String, String> extra) {
        Map<String, String> environment = new HashMap<>(Runners.environment(database, emulator, TOKEN, home, extra));
        String url = environment.get("DATABASE_URL");
        environment.put("DATABASE_URL", url.replace(database.url().host() + ":" + database.url().port() + "/",
                "127.0.0.1:" + proxy.port() + "/"));
        assertThat(environment.get("DATABASE_URL")).as("the bot goes through the proxy").contains(":" + proxy.port());
        return environment;
    }

    private void assertAnsweredInOrderAndNeverToldToSlowDown(SimulatedUser user, String... texts) {
        for (String text : texts) {
            assertThat(user.awaitMessage(WAIT).text()).isEqualTo("echo: " + text);
        }
        assertThat(user.received()).extracting(message -> message.text())
                .doesNotContain(Texts.of(Language.EN, "limits.slow_down"));
    }

    @Test
    void pollingConfirmsNothingWhileTheDatabaseIsUnreachable() {
        application = Runners.echo(environment(Map.of()), home);
        await().atMost(WAIT).until(bot::isLongPolling);
        SimulatedUser ann = bot.newUser("Ann");
        ann.sendText("before");
        assertThat(ann.awaitMessage(WAIT).text()).isEqualTo("echo: before");

        proxy.cut();
        for (int index = 1; index <= 5; index++) {
            ann.sendText("during " + index);
        }
        long polls = bot.stats().calls("getUpdates");
        await().atMost(WAIT).until(() -> bot.stats().calls("getUpdates") > polls + 2
                || !application.intake().isPoller());
        assertThat(bot.pendingUpdateCount()).as("nothing confirmed while nothing could be stored").isEqualTo(5);

        proxy.restore();

        assertAnsweredInOrderAndNeverToldToSlowDown(ann, "during 1", "during 2", "during 3", "during 4",
                "during 5");
        await().atMost(WAIT).until(() -> bot.pendingUpdateCount() == 0);
    }

    @Test
    void theWebhookAnswers503WhileTheDatabaseIsUnreachableSoTelegramDeliversAgain() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        application = Runners.echo(environment(Map.of("RUN_MODE", "webhook", "PORT", String.valueOf(port),
                "EXTERNAL_URL", "http://127.0.0.1:" + port + "/hooks", "SECRET_TOKEN", "outage-secret")), home);
        await().atMost(WAIT).until(() -> bot.webhookStatus().url() != null);
        SimulatedUser bob = bot.newUser("Bob");
        bob.sendText("before");
        assertThat(bob.awaitMessage(WAIT).text()).isEqualTo("echo: before");

        proxy.cut();
        bob.sendText("during 1");
        bob.sendText("during 2");
        await().atMost(WAIT).until(() -> bot.webhookStatus().lastErrorMessage() != null
                && bot.webhookStatus().lastErrorMessage().contains("503"));
        assertThat(bot.pendingUpdateCount()).as("Telegram keeps what was answered 503").isEqualTo(2);

        proxy.restore();

        assertAnsweredInOrderAndNeverToldToSlowDown(bob, "during 1", "during 2");
        await().atMost(WAIT).until(() -> bot.pendingUpdateCount() == 0);
    }
}
