package org.luvhive.testkit.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

class FaultInjectionTest {
    private static final String TOKEN = Tokens.token(9_200_001);

    private TelegramEmulator emulator;
    private EmulatedBot bot;
    private OkHttpTelegramClient client;
    private SimulatedUser alice;
    private SimulatedUser bob;

    @BeforeEach
    void start() {
        emulator = TelegramEmulator.builder().limits(EmulatorLimits.unlimited()).build().start();
        bot = emulator.bot(TOKEN);
        client = new OkHttpTelegramClient(TOKEN, new TelegramUrl("http", "127.0.0.1", emulator.port(), false));
        alice = bot.newUser("Alice");
        bob = bot.newUser("Bob");
        alice.sendCommand("start");
        bob.sendCommand("start");
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private void send(SimulatedUser user, String text) throws Exception {
        client.execute(SendMessage.builder().chatId(user.id()).text(text).build());
    }

    @Test
    void theNextCallsOfAMethodFailThenItRecovers() throws Exception {
        bot.faults().failNext("sendmessage", 2, Fault.badGateway());

        assertThatThrownBy(() -> send(alice, "1")).isInstanceOfSatisfying(TelegramApiRequestException.class,
                e -> assertThat(e.getErrorCode()).isEqualTo(502));
        assertThatThrownBy(() -> send(alice, "2")).isInstanceOf(TelegramApiRequestException.class);
        send(alice, "3");

        assertThat(alice.received()).extracting(ChatMessage::text).containsExactly("3");
        assertThat(bot.stats().errorsByCode()).containsEntry(502, 2L);
        assertThat(bot.stats().calls("sendMessage")).isEqualTo(3);
    }

    @Test
    void an429InjectedForOneChatLeavesOtherChatsAlone() throws Exception {
        bot.faults().failChatFor(alice.id(), Duration.ofMinutes(1), Fault.tooManyRequests(7));

        assertThatThrownBy(() -> send(alice, "x")).isInstanceOfSatisfying(TelegramApiRequestException.class,
                e -> assertThat(e.getParameters().getRetryAfter()).isEqualTo(7));
        send(bob, "fine");

        assertThat(bob.received()).hasSize(1);
        assertThat(bot.stats().tooManyRequests()).isEqualTo(1);
    }

    @Test
    void anErrorForAllMethodsForAWhile() {
        bot.faults().failFor(null, Duration.ofMinutes(1), Fault.internalServerError());

        assertThatThrownBy(() -> client.execute(new GetMe())).isInstanceOfSatisfying(
                TelegramApiRequestException.class, e -> assertThat(e.getErrorCode()).isEqualTo(500));
        bot.faults().clear();
    }

    @Test
    void delaysAndDroppedConnections() throws Exception {
        bot.faults().failNext("getMe", 1, Fault.delay(Duration.ofMillis(300)));
        long start = System.nanoTime();
        client.execute(new GetMe());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));

        bot.faults().failNext("getMe", 1, Fault.dropConnection());
        HttpClient http = HttpClient.newHttpClient();
        // POST: the JDK client silently retries a GET once when the connection drops.
        HttpRequest request = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/bot" + TOKEN + "/getMe"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json").build();
        assertThatThrownBy(() -> http.send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);
        assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }

    @Test
    void aStalledCallIsHeldThenDroppedWithoutBeingHandled() {
        bot.faults().failNextInChat(alice.id(), 1, Fault.stall(Duration.ofMillis(300)));
        HttpRequest request = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/bot" + TOKEN + "/sendMessage"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"chat_id\":" + alice.id() + ",\"text\":\"never arrives\"}"))
                .header("Content-Type", "application/json").build();
        long start = System.nanoTime();

        assertThatThrownBy(() -> HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(alice.received()).as("the call was never handled").isEmpty();
        assertThat(bot.stats().delivered(alice.id())).isZero();
    }

    @Test
    void theRequestLogRecordsEveryCallInOrder() throws Exception {
        bot.resetStats();
        send(alice, "a");
        send(bob, "b");
        client.execute(new GetMe());

        assertThat(bot.requestLog()).extracting(LoggedRequest::method)
                .containsExactly("sendMessage", "sendMessage", "getMe");
        assertThat(bot.requestLog()).extracting(LoggedRequest::chatId).containsExactly(alice.id(), bob.id(), null);
        assertThat(bot.stats().deliveredByChat()).containsEntry(alice.id(), 1L).containsEntry(bob.id(), 1L);
    }
}
