package org.luvhive.core.premium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.luvhive.core.bot.BotHarness;
import org.luvhive.core.bot.FeatureSettings;
import org.luvhive.core.bot.Updates;
import org.luvhive.core.telegram.TelegramCallException;
import org.luvhive.core.telegram.TelegramFailure;
import org.luvhive.core.testing.ManualClock;
import org.luvhive.core.testing.PostgresExtension;
import org.luvhive.core.testing.TestDatabase;
import org.luvhive.core.user.internal.UserDao;
import org.telegram.telegrambots.meta.api.methods.AnswerPreCheckoutQuery;

@ExtendWith(PostgresExtension.class)
class PremiumTest {

    private static final long ADMIN = 9;

    private final ManualClock clock = ManualClock.at("2026-03-01T10:00:00Z");
    private final BotHarness bot;

    PremiumTest(TestDatabase database) {
        this.bot = new BotHarness(database.jdbi(), clock, FeatureSettings.defaults(Set.of(ADMIN))
                .withCatalog(PremiumCatalog.parse("7:100,30:250")));
    }

    @BeforeEach
    void emptyTables() {
        bot.reset();
        bot.directCalls().clear();
    }

    private Instant premiumUntil(long userId) {
        return bot.jdbi().withHandle(handle -> handle.attach(UserDao.class).find(userId)).orElseThrow().premiumUntil();
    }

    private AnswerPreCheckoutQuery preCheckout(long userId, String payload, int amount) {
        return bot.preCheckout(userId, payload, amount);
    }

    private void pay(long userId, String payload, int amount, String chargeId) {
        bot.pay(userId, payload, amount, chargeId);
    }

    @Test
    void catalogueAndInvoiceInStars() {
        bot.createUser(401, "male", 30, "Berlin");
        bot.text(401, "/premium");
        assertThat(bot.last(401, "sendmessage").orElseThrow().hasButton("prem:30")).isTrue();
        bot.tap(401, "prem:30");
        var invoice = bot.last(401, "sendinvoice").orElseThrow().payload();
        assertThat(invoice.path("currency").asText()).isEqualTo("XTR");
        assertThat(invoice.path("provider_token").asText()).isEmpty();
        assertThat(invoice.path("prices").get(0).path("amount").asInt()).isEqualTo(250);
        assertThat(invoice.path("payload").asText()).isEqualTo("premium:30:250:401");
    }

    @Test
    void preCheckoutValidatesPayloadPriceUserAndBans() {
        bot.createUser(402, "male", 30, "Berlin");
        assertThat(preCheckout(402, "premium:30:250:402", 250).getOk()).isTrue();
        assertThat(preCheckout(402, "premium:30:250:402", 100).getOk()).isFalse();
        assertThat(preCheckout(402, "premium:30:250:999", 250).getOk()).isFalse();
        assertThat(preCheckout(402, "garbage", 250).getOk()).isFalse();
        assertThat(preCheckout(402, "premium:30:250:402", 250).getErrorMessage()).contains("Too many");

        bot.createUser(403, "male", 30, "Berlin");
        bot.jdbi().useHandle(handle -> handle.execute(
                "insert into bans (user_id, reason, banned_by, created_at) values (403, 'fraud', 9, now())"));
        assertThat(preCheckout(403, "premium:7:100:403", 100).getErrorMessage()).contains("banned");
    }

    @Test
    void aRedeliveredPaymentGrantsOnceAndPaymentsExtendFromTheCurrentExpiry() {
        bot.createUser(404, "female", 30, "Berlin");
        pay(404, "premium:7:100:404", 100, "charge-1");
        pay(404, "premium:7:100:404", 100, "charge-1");
        pay(404, "premium:7:100:404", 100, "charge-1");
        assertThat(premiumUntil(404)).isEqualTo(clock.instant().plus(Duration.ofDays(7)));
        assertThat(bot.count("select count(*) from payments")).isEqualTo(1);
        assertThat(bot.texts(404).stream().filter(text -> text.contains("Thank you")).count()).isEqualTo(1);

        clock.advance(Duration.ofDays(2));
        pay(404, "premium:30:250:404", 250, "charge-2");
        assertThat(premiumUntil(404)).isEqualTo(Instant.parse("2026-03-01T10:00:00Z").plus(Duration.ofDays(37)));
    }

    @Test
    void aPaymentThatDoesNotMatchThePackItNamesGrantsNothingAndIsRecorded() {
        bot.createUser(406, "female", 30, "Berlin");
        record Forged(String payload, int amount, String currency, String charge, String mismatch) {
        }
        List<Forged> forged = List.of(
                new Forged("premium:30:250:406", 1, "XTR", "forged-amount",
                        "paid 1 XTR for the 30-day pack, which costs 250"),
                new Forged("premium:30:1:406", 1, "XTR", "forged-payload-price",
                        "paid 1 XTR for the 30-day pack, which costs 250"),
                new Forged("premium:30:250:406", 250, "USD", "forged-currency", "paid in USD, not XTR"),
                new Forged("premium:30:250:999", 250, "XTR", "someone-elses", "the invoice was made for user 999"),
                new Forged("premium:9999:250:406", 250, "XTR", "no-such-pack", "no 9999-day pack is on sale"),
                new Forged("garbage", 250, "XTR", "not-ours", "the invoice payload is not one of ours"));
        for (Forged payment : forged) {
            bot.handle(Updates.successfulPayment(bot.nextUpdateId(), 406, bot.nextMessageId(406), payment.payload(),
                    payment.amount(), payment.currency(), payment.charge()));
            bot.handle(Updates.successfulPayment(bot.nextUpdateId(), 406, bot.nextMessageId(406), payment.payload(),
                    payment.amount(), payment.currency(), payment.charge())); // redelivered: recorded and told once
        }

        assertThat(premiumUntil(406)).as("nothing granted").isNull();
        List<String> recorded = bot.jdbi().withHandle(handle -> handle.createQuery(
                "select telegram_payment_charge_id || ' ' || days || ' ' || mismatch from payments "
                        + "where user_id = 406 order by paid_at, telegram_payment_charge_id").mapTo(String.class).list());
        assertThat(recorded).containsExactlyInAnyOrderElementsOf(forged.stream()
                .map(payment -> payment.charge() + " 0 " + payment.mismatch()).toList());
        assertThat(bot.texts(406)).containsOnly(SuccessfulPaymentHandler.MISMATCH_TEXT).hasSize(forged.size());

        pay(406, "premium:30:250:406", 250, "the-real-one");
        assertThat(premiumUntil(406)).as("a matching payment still grants")
                .isEqualTo(clock.instant().plus(Duration.ofDays(30)));
    }

    @Test
    void aPreCheckoutAnswerTelegramNoLongerTakesIsNotRetried() {
        bot.createUser(407, "male", 30, "Berlin");
        bot.answerDirectCallsWith(method -> {
            throw new TelegramCallException(TelegramFailure.BAD_REQUEST, 400,
                    "Bad Request: query is too old and response timeout expired or query ID is invalid", null, null);
        });

        preCheckout(407, "premium:7:100:407", 100); // returns: the update counts as handled

        bot.answerDirectCallsWith(method -> {
            throw new TelegramCallException(TelegramFailure.TRANSIENT, 502, "Bad Gateway", null, null);
        });
        assertThatThrownBy(() -> preCheckout(407, "premium:7:100:407", 100))
                .as("Telegram unreachable: retried while the answer may still count")
                .isInstanceOf(TelegramCallException.class);
    }

    @Test
    void premiumExpiresAndTheUserIsToldOnce() {
        bot.createUser(405, "female", 30, "Berlin");
        pay(405, "premium:7:100:405", 100, "charge-3");
        Runnable expiry = bot.logic().maintenance().stream().filter(task -> task.name().equals("premium-expiry"))
                .findFirst().orElseThrow().task();
        expiry.run();
        assertThat(bot.texts(405)).noneMatch(text -> text.contains("has ended"));
        clock.advance(Duration.ofDays(7).plusSeconds(1));
        expiry.run();
        expiry.run();
        assertThat(bot.texts(405).stream().filter(text -> text.contains("has ended")).count()).isEqualTo(1);
        bot.text(405, "/boost");
        assertThat(bot.lastText(405)).contains("Premium includes boosts"); // a paid boost is offered
        assertThat(bot.last(405, "sendinvoice")).isPresent();
    }

    @Test
    void adminRefundShortensPremiumAndIsRecorded() {
        bot.createUser(406, "male", 30, "Berlin");
        pay(406, "premium:30:250:406", 250, "charge-4");
        pay(406, "premium:7:100:406", 100, "charge-5");
        bot.text(406, "/refund charge-4");
        assertThat(bot.lastText(406)).contains("Unknown command");
        bot.text(ADMIN, "/refund charge-4");
        assertThat(bot.directCalls()).hasSize(1);
        assertThat(premiumUntil(406)).isEqualTo(clock.instant().plus(Duration.ofDays(7)));
        assertThat(bot.lastText(ADMIN)).contains("Refunded 250");
        bot.text(ADMIN, "/refund charge-4");
        assertThat(bot.lastText(ADMIN)).contains("already refunded");
        assertThat(bot.directCalls()).hasSize(1);
        assertThat(bot.count("select count(*) from admin_audit where action = 'refund-done' and admin_id = 9")).isEqualTo(1);
        assertThat(bot.count("select count(*) from admin_audit where admin_id = 406 and not allowed")).isEqualTo(1);
    }
}
