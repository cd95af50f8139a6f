package org.luvhive.testkit.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.util.DefaultGetUpdatesGenerator;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.CopyMessage;
import org.telegram.telegrambots.meta.api.methods.ForwardMessage;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.MessageId;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/** The unmodified TelegramBots 9 client against the emulator. */
class TelegramBotsClientTest {
    private static final String TOKEN = Tokens.token(7_000_001);
    private static final Duration WAIT = Duration.ofSeconds(10);

    private TelegramEmulator emulator;
    private EmulatedBot bot;
    private OkHttpTelegramClient client;
    private TelegramUrl url;

    @BeforeEach
    void start() {
        emulator = TelegramEmulator.builder().limits(EmulatorLimits.unlimited()).build().start();
        bot = emulator.bot(TOKEN);
        url = new TelegramUrl("http", "127.0.0.1", emulator.port(), false);
        client = new OkHttpTelegramClient(TOKEN, url);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void getMeDeserializesIntoTheClientsUser() throws Exception {
        User me = client.execute(new GetMe());

        assertThat(me.getId()).isEqualTo(7_000_001L);
        assertThat(me.getIsBot()).isTrue();
        assertThat(me.getUserName()).isEqualTo(bot.username());
    }

    @Test
    @SuppressWarnings("try") // the client library's close() declares InterruptedException
    void longPollingReceivesSimulatedUsersMessagesAndTheBotAnswers() throws Exception {
        try (TelegramBotsLongPollingApplication application = new TelegramBotsLongPollingApplication()) {
            application.registerBot(TOKEN, () -> url, new DefaultGetUpdatesGenerator(), (List<Update> updates) -> {
                for (Update update : updates) {
                    if (update.hasMessage() && update.getMessage().hasText()) {
                        reply(update.getMessage().getChatId(), "echo: " + update.getMessage().getText());
                    } else if (update.hasCallbackQuery()) {
                        answer(update.getCallbackQuery().getId(), "pressed " + update.getCallbackQuery().getData());
                    }
                }
            });
            SimulatedUser alice = bot.newUser("Alice");
            SimulatedUser bob = bot.newUser(4242, "Bob", "de");

            alice.sendCommand("start");
            bob.sendText("hallo");
            alice.sendText("second");

            assertThat(alice.awaitMessage(WAIT).text()).isEqualTo("echo: /start");
            assertThat(alice.awaitMessage(WAIT).text()).isEqualTo("echo: second");
            assertThat(bob.awaitMessageContaining("hallo", WAIT).chatId()).isEqualTo(4242);
            assertThat(alice.history()).extracting(ChatMessage::messageId).containsExactly(1, 2, 3, 4);
        }
    }

    private void reply(long chatId, String text) {
        try {
            client.execute(SendMessage.builder().chatId(chatId).text(text).build());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void answer(String queryId, String text) {
        try {
            client.execute(AnswerCallbackQuery.builder().callbackQueryId(queryId).text(text).build());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void sendCopyForwardAndEditRoundTrip() throws Exception {
        SimulatedUser alice = bot.newUser("Alice");
        SimulatedUser bob = bot.newUser("Bob");
        ChatMessage fromAlice = alice.sendText("hello Bob");
        bob.sendCommand("start");
        InlineKeyboardMarkup keyboard = InlineKeyboardMarkup.builder()
                .keyboardRow(new InlineKeyboardRow(InlineKeyboardButton.builder().text("Next").callbackData("next")
                        .build())).build();

        Message sent = client.execute(SendMessage.builder().chatId(bob.id()).text("menu").replyMarkup(keyboard)
                .build());
        MessageId copied = client.execute(CopyMessage.builder().chatId(bob.id()).fromChatId(alice.id())
                .messageId(fromAlice.messageId()).build());
        Message forwarded = client.execute(ForwardMessage.builder().chatId(bob.id()).fromChatId(alice.id())
                .messageId(fromAlice.messageId()).build());
        client.execute(EditMessageText.builder().chatId(bob.id()).messageId(sent.getMessageId()).text("menu v2")
                .replyMarkup(keyboard).build());

        assertThat(sent.getMessageId()).isEqualTo(2);
        assertThat(sent.getChat().getId()).isEqualTo(bob.id());
        assertThat(sent.getReplyMarkup().getKeyboard().get(0).get(0).getCallbackData()).isEqualTo("next");
        assertThat(copied.getMessageId()).isEqualTo(3);
        assertThat(forwarded.getForwardOrigin()).isNotNull();
        List<ChatMessage> received = bob.received();
        assertThat(received).extracting(ChatMessage::text).containsExactly("menu v2", "hello Bob", "hello Bob");
        assertThat(received.get(0).isEdited()).isTrue();
        assertThat(received.get(0).hasCallbackButton("next")).isTrue();
        assertThat(received.get(1).isForwarded()).isFalse();
        assertThat(received.get(2).isForwarded()).isTrue();

        assertThatThrownBy(() -> client.execute(EditMessageText.builder().chatId(bob.id())
                .messageId(sent.getMessageId()).text("menu v2").replyMarkup(keyboard).build()))
                .isInstanceOfSatisfying(TelegramApiRequestException.class, e -> {
                    assertThat(e.getErrorCode()).isEqualTo(400);
                    assertThat(e.getApiResponse()).startsWith("Bad Request: message is not modified");
                });
    }

    @Test
    @SuppressWarnings("try") // the client library's close() declares InterruptedException
    void pressingAButtonReachesTheBotAndItsAnswerReachesTheUser() throws Exception {
        SimulatedUser alice = bot.newUser("Alice");
        alice.sendCommand("start");
        InlineKeyboardMarkup keyboard = InlineKeyboardMarkup.builder()
                .keyboardRow(new InlineKeyboardRow(InlineKeyboardButton.builder().text("Like").callbackData("like:1")
                        .build())).build();
        client.execute(SendMessage.builder().chatId(alice.id()).text("rate").replyMarkup(keyboard).build());
        ChatMessage menu = alice.awaitMessage(WAIT);

        try (TelegramBotsLongPollingApplication application = new TelegramBotsLongPollingApplication()) {
            application.registerBot(TOKEN, () -> url, new DefaultGetUpdatesGenerator(), (List<Update> updates) ->
                    updates.stream().filter(Update::hasCallbackQuery).forEach(update ->
                            answer(update.getCallbackQuery().getId(), "got " + update.getCallbackQuery().getData())));
            ButtonPress press = alice.press(menu, "like:1");

            assertThat(press.awaitAnswer(WAIT).text()).isEqualTo("got like:1");
        }
    }
}
