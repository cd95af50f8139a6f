package org.luvhive.testkit.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.updates.DeleteWebhook;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.methods.updates.GetWebhookInfo;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.objects.WebhookInfo;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

class WebhookTest {
    private static final String TOKEN = Tokens.token(8_000_001);
    private static final String SECRET = "s3cr3t_Token-1";

    private TelegramEmulator emulator;
    private EmulatedBot bot;
    private OkHttpTelegramClient client;
    private WebhookReceiver receiver;

    @BeforeEach
    void start() {
        emulator = TelegramEmulator.builder().webhookSettings(WebhookSettings.fastForTests()).build().start();
        bot = emulator.bot(TOKEN);
        client = new OkHttpTelegramClient(TOKEN, new TelegramUrl("http", "127.0.0.1", emulator.port(), false));
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void stop() {
        receiver.close();
        emulator.close();
    }

    @Test
    void aWebhookSetThroughTheClientReceivesUpdatesWithTheSecretHeader() throws Exception {
        client.execute(SetWebhook.builder().url(receiver.url()).secretToken(SECRET).maxConnections(5).build());
        SimulatedUser alice = bot.newUser("Alice");
        SimulatedUser bob = bot.newUser("Bob");

        alice.sendText("one");
        bob.sendText("two");
        alice.sendText("three");

        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.deliveries().size() == 3);
        assertThat(receiver.deliveries()).allSatisfy(delivery -> assertThat(delivery.secretHeader()).isEqualTo(SECRET));
        assertThat(receiver.deliveries().stream()
                .filter(delivery -> delivery.update().path("message").path("chat").path("id").asLong() == alice.id())
                .map(delivery -> delivery.update().path("message").path("text").asText()))
                .containsExactly("one", "three");
        WebhookInfo info = client.execute(new GetWebhookInfo());
        assertThat(info.getUrl()).isEqualTo(receiver.url());
        assertThat(info.getPendingUpdatesCount()).isZero();
        assertThat(info.getMaxConnections()).isEqualTo(5);
    }

    @Test
    void failedDeliveriesAreRetriedAndReportedByGetWebhookInfo() throws Exception {
        receiver.answerWith(500);
        client.execute(SetWebhook.builder().url(receiver.url()).build());
        bot.newUser("Alice").sendText("hello");

        await().atMost(Duration.ofSeconds(10)).until(() -> bot.webhookStatus().lastErrorDate() > 0);
        WebhookInfo failing = client.execute(new GetWebhookInfo());
        assertThat(failing.getPendingUpdatesCount()).isEqualTo(1);
        assertThat(failing.getLastErrorMessage()).isEqualTo("Wrong response from the webhook: 500 Internal Server Error");

        receiver.answerWith(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.deliveries().size() == 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> bot.pendingUpdateCount() == 0);
        assertThat(receiver.deliveries().get(0).secretHeader()).isNull();
    }

    @Test
    void aRefusedConnectionIsReportedAndKeepsTheUpdatePending() {
        int closedPort = receiverPortThatIsClosed();
        RawBotApi api = new RawBotApi(emulator.baseUrl());
        api.json(TOKEN, "setWebhook", "{\"url\":\"http://127.0.0.1:" + closedPort + "/hook\"}");
        bot.newUser("Alice").sendText("hello");

        await().atMost(Duration.ofSeconds(10)).until(() -> bot.webhookStatus().lastErrorMessage() != null);
        assertThat(bot.webhookStatus().lastErrorMessage()).isEqualTo("Connection refused");
        assertThat(bot.webhookStatus().pendingUpdateCount()).isEqualTo(1);
    }

    private static int receiverPortThatIsClosed() {
        WebhookReceiver temporary = new WebhookReceiver();
        String url = temporary.url();
        temporary.close();
        return Integer.parseInt(url.replaceAll(".*:(\\d+)/hook", "$1"));
    }

    @Test
    void getUpdatesConflictsWhileAWebhookIsSetAndDropPendingUpdatesDropsThem() throws Exception {
        receiver.answerWith(500);
        client.execute(SetWebhook.builder().url(receiver.url()).build());
        bot.newUser("Alice").sendText("lost");

        assertThatThrownBy(() -> client.execute(GetUpdates.builder().build()))
                .isInstanceOfSatisfying(TelegramApiRequestException.class, e -> {
                    assertThat(e.getErrorCode()).isEqualTo(409);
                    assertThat(e.getApiResponse()).startsWith("Conflict: can't use getUpdates method while webhook");
                });

        client.execute(DeleteWebhook.builder().dropPendingUpdates(true).build());
        assertThat(client.execute(GetUpdates.builder().build())).isEmpty();
    }

    @Test
    void secretTokensWithForbiddenCharactersAreRejected() {
        RawBotApi api = new RawBotApi(emulator.baseUrl());

        RawBotApi.Reply reply = api.json(TOKEN, "setWebhook",
                "{\"url\":\"" + receiver.url() + "\",\"secret_token\":\"no spaces!\"}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(bot.webhookStatus().isSet()).isFalse();
    }
}
