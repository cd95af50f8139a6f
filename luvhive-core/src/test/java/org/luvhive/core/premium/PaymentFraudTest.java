package org.luvhive.core.premium;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.luvhive.core.bot.BotHarness;
import org.luvhive.core.bot.FeatureSettings;
import org.luvhive.core.testing.ManualClock;
import org.luvhive.core.testing.PostgresExtension;
import org.luvhive.core.testing.TestDatabase;
import org.telegram.telegrambots.meta.api.methods.AnswerPreCheckoutQuery;

/**
 * The fraud limits in pre-checkout (answered ok:false with what to do, the reason kept as a
 * code) and the fraud signals: refunds, refunds after use, repeated refunds, one chat's
 * invoices paid from other accounts, a charge id seen twice.
 */
@ExtendWith(PostgresExtension.class)
class PaymentFraudTest {

    private static final long ADMIN = 9;

    private final ManualClock clock = ManualClock.at("2026-03-01T10:00:00Z");
    private final BotHarness bot;

    PaymentFraudTest(TestDatabase database) {
        this.bot = new BotHarness(database.jdbi(), clock, FeatureSettings.defaults(Set.of(ADMIN))
                .withCatalog(PremiumCatalog.parse("7:100,30:250")));
    }

    @BeforeEach
    void emptyTables() {
        bot.reset();
        bot.directCalls().clear();
    }

    private AnswerPreCheckoutQuery preCheckout(long userId, String payload, int amount) {
        return bot.preCheckout(userId, payload, amount);
    }

    private void pay(long userId, String chargeId) {
        assertThat(preCheckout(userId, "premium:7:100:" + userId, 100).getOk()).isTrue();
        bot.pay(userId, "premium:7:100:" + userId, 100, chargeId);
    }

    private long signals(String kind, long userId) {
        return bot.count("select count(*) from payment_signals where kind = '" + kind + "' and user_id = " + userId);
    }

    @Test
    void theSixthPaymentWithinAnHourIsRefusedWithAClearMessage() {
        bot.createUser(501, "male", 30, "Berlin");
        for (int payment = 1; payment <= 5; payment++) {
            pay(501, "charge-501-" + payment);
            clock.advance(Duration.ofMinutes(6));
        }

        AnswerPreCheckoutQuery sixth = preCheckout(501, "premium:7:100:501", 100);

        assertThat(sixth.getOk()).isFalse();
        assertThat(sixth.getErrorMessage()).isEqualTo("You already made 5 payments in the last hour, the most we "
                + "accept. Please try again in an hour.");
        assertThat(bot.count("select count(*) from checkout_refusals where user_id = 501 and code = 'limit_hour'"))
                .isEqualTo(1);
        clock.advance(Duration.ofMinutes(31));
        assertThat(preCheckout(501, "premium:7:100:501", 100).getOk()).isTrue();
    }

    @Test
    void theFourthPaymentWithinFiveMinutesIsRefused() {
        bot.createUser(502, "male", 30, "Berlin");
        for (int payment = 1; payment <= 3; payment++) {
            pay(502, "charge-502-" + payment);
            clock.advance(Duration.ofSeconds(30));
        }
        AnswerPreCheckoutQuery fourth = preCheckout(502, "premium:7:100:502", 100);
        assertThat(fourth.getOk()).isFalse();
        assertThat(fourth.getErrorMessage()).startsWith("You already made 3 payments in the last 5 minutes");
        assertThat(bot.count("select count(*) from checkout_refusals where user_id = 502 and code = 'limit_5_minutes'"))
                .isEqualTo(1);
    }

    @Test
    void refundsAreSignalledTheSecondOneAndOneAfterUseToo() {
        bot.createUser(503, "female", 30, "Berlin");
        pay(503, "charge-503-1");
        bot.text(ADMIN, "/refund charge-503-1");
        assertThat(signals("refund", 503)).isEqualTo(1);
        assertThat(signals("refund_after_use", 503)).isZero();
        assertThat(signals("repeat_refunds", 503)).isZero();

        clock.advance(Duration.ofDays(2));
        pay(503, "charge-503-2");
        clock.advance(Duration.ofMinutes(10));
        bot.text(503, "/boost");
        bot.text(ADMIN, "/refund charge-503-2");
        assertThat(signals("refund", 503)).isEqualTo(2);
        assertThat(signals("refund_after_use", 503)).isEqualTo(1);
        assertThat(signals("repeat_refunds", 503)).isEqualTo(1);
    }

    @Test
    void aChargeSeenTwiceAndOneChatsInvoicePaidFromOtherAccountsAreSignalled() {
        bot.createUser(504, "male", 30, "Berlin");
        pay(504, "charge-504");
        bot.pay(504, "premium:7:100:504", 100, "charge-504");
        assertThat(signals("charge_seen_twice", 504)).isEqualTo(1);
        assertThat(bot.count("select count(*) from payments where user_id = 504")).isEqualTo(1);

        for (long other = 511; other <= 514; other++) {
            bot.createUser(other, "male", 30, "Berlin");
            AnswerPreCheckoutQuery answer = preCheckout(other, "premium:7:100:504", 100);
            assertThat(answer.getOk()).isFalse();
            assertThat(answer.getErrorMessage()).contains("This invoice is not valid");
        }
        assertThat(signals("shared_invoice", 504)).as("once an hour, from the third other account").isEqualTo(1);
        assertThat(bot.count("select count(*) from checkout_refusals where invoice_user = 504 "
                + "and code = 'invalid_invoice'")).isEqualTo(4);
    }
}
