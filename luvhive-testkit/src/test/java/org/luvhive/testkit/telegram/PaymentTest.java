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
import org.telegram.telegrambots.meta.api.methods.AnswerPreCheckoutQuery;
import org.telegram.telegrambots.meta.api.methods.invoices.SendInvoice;
import org.telegram.telegrambots.meta.api.methods.payments.RefundStarPayment;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.payments.LabeledPrice;
import org.telegram.telegrambots.meta.api.objects.payments.SuccessfulPayment;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

class PaymentTest {
    private static final String TOKEN = Tokens.token(9_100_001);
    private static final Duration WAIT = Duration.ofSeconds(10);

    private TelegramEmulator emulator;
    private EmulatedBot bot;
    private OkHttpTelegramClient client;
    private TelegramUrl url;

    @BeforeEach
    void start() {
        emulator = TelegramEmulator.builder().paymentAnswerTimeout(Duration.ofMillis(700)).build().start();
        bot = emulator.bot(TOKEN);
        url = new TelegramUrl("http", "127.0.0.1", emulator.port(), false);
        client = new OkHttpTelegramClient(TOKEN, url);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private ChatMessage invoiceFor(SimulatedUser user) throws Exception {
        client.execute(SendInvoice.builder().chatId(user.id()).title("Premium").description("30 days of Premium")
                .payload("premium:30:" + user.id()).providerToken("").currency("XTR")
                .price(new LabeledPrice("Premium", 250)).build());
        return user.awaitMessage(ChatMessage::isInvoice, WAIT);
    }

    @Test
    @SuppressWarnings("try") // the client library's close() declares InterruptedException
    void aPaymentAnsweredOkEndsInSuccessfulPaymentWithAUniqueChargeId() throws Exception {
        SimulatedUser alice = bot.newUser("Alice");
        alice.sendCommand("buy");
        ChatMessage invoice = invoiceFor(alice);
        List<SuccessfulPayment> payments = new java.util.concurrent.CopyOnWriteArrayList<>();
        PaymentOutcome first;

        try (TelegramBotsLongPollingApplication application = new TelegramBotsLongPollingApplication()) {
            application.registerBot(TOKEN, () -> url, new DefaultGetUpdatesGenerator(), (List<Update> updates) -> {
                for (Update update : updates) {
                    if (update.hasPreCheckoutQuery()) {
                        execute(AnswerPreCheckoutQuery.builder().preCheckoutQueryId(update.getPreCheckoutQuery()
                                .getId()).ok(true).build());
                    } else if (update.hasMessage() && update.getMessage().hasSuccessfulPayment()) {
                        payments.add(update.getMessage().getSuccessfulPayment());
                    }
                }
            });
            first = alice.pay(invoice);
            PaymentOutcome second = alice.pay(invoice);

            assertThat(first.isPaid()).isTrue();
            assertThat(second.isPaid()).isTrue();
            assertThat(first.chargeId()).isNotEqualTo(second.chargeId());
            org.awaitility.Awaitility.await().until(() -> payments.size() == 2);
        }
        SuccessfulPayment payment = payments.get(0);
        assertThat(payment.getCurrency()).isEqualTo("XTR");
        assertThat(payment.getTotalAmount()).isEqualTo(250);
        assertThat(payment.getInvoicePayload()).isEqualTo("premium:30:" + alice.id());
        assertThat(payment.getTelegramPaymentChargeId()).isEqualTo(first.chargeId());
        assertThat(first.paymentMessage().json().path("successful_payment").path("total_amount").asInt())
                .isEqualTo(250);

        client.execute(new RefundStarPayment(alice.id(), payment.getTelegramPaymentChargeId()));
        assertThat(bot.isRefunded(payment.getTelegramPaymentChargeId())).isTrue();
        assertThatThrownBy(() -> client.execute(new RefundStarPayment(alice.id(),
                payment.getTelegramPaymentChargeId())))
                .isInstanceOfSatisfying(TelegramApiRequestException.class,
                        e -> assertThat(e.getApiResponse()).isEqualTo("Bad Request: CHARGE_ALREADY_REFUNDED"));
        assertThatThrownBy(() -> client.execute(new RefundStarPayment(alice.id(), "unknown")))
                .isInstanceOfSatisfying(TelegramApiRequestException.class,
                        e -> assertThat(e.getApiResponse()).isEqualTo("Bad Request: CHARGE_NOT_FOUND"));
    }

    private void execute(AnswerPreCheckoutQuery answer) {
        try {
            client.execute(answer);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anUnansweredPreCheckoutQueryTimesOutAndALateAnswerIsRejected() throws Exception {
        SimulatedUser alice = bot.newUser("Alice");
        alice.sendCommand("buy");
        ChatMessage invoice = invoiceFor(alice);

        PaymentOutcome outcome = alice.pay(invoice);

        assertThat(outcome.status()).isEqualTo(PaymentOutcome.Status.TIMED_OUT);
        String queryId = new RawBotApi(emulator.baseUrl()).json(TOKEN, "getUpdates", "{}").result()
                .findValue("pre_checkout_query").path("id").asText();
        assertThatThrownBy(() -> client.execute(AnswerPreCheckoutQuery.builder().preCheckoutQueryId(queryId)
                .ok(true).build()))
                .isInstanceOfSatisfying(TelegramApiRequestException.class,
                        e -> assertThat(e.getApiResponse()).startsWith("Bad Request: query is too old"));
        assertThat(alice.history()).noneMatch(message -> message.json().has("successful_payment"));
    }

    @Test
    void starsInvoicesNeedExactlyOnePrice() {
        SimulatedUser alice = bot.newUser("Alice");
        alice.sendCommand("buy");

        RawBotApi.Reply reply = new RawBotApi(emulator.baseUrl()).json(TOKEN, "sendInvoice", "{\"chat_id\":"
                + alice.id() + ",\"title\":\"t\",\"description\":\"d\",\"payload\":\"p\",\"currency\":\"XTR\","
                + "\"prices\":[{\"label\":\"a\",\"amount\":1},{\"label\":\"b\",\"amount\":2}]}");

        assertThat(reply.description()).isEqualTo("Bad Request: STARS_INVOICE_INVALID");
    }
}
