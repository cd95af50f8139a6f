package org.luvhive.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.luvhive.bot.e2e.LuvhiveUnderTest.WAIT;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.luvhive.core.testing.PostgresExtension;
import org.luvhive.core.update.InboxStore;
import org.luvhive.testkit.telegram.ChatMessage;
import org.luvhive.testkit.telegram.EmulatedBot;
import org.luvhive.testkit.telegram.InlineButton;
import org.luvhive.testkit.telegram.PaymentOutcome;
import org.luvhive.testkit.telegram.SimulatedUser;

/**
 * Premium in Telegram Stars, end to end: the catalogue, the XTR invoice, paying it, the
 * same payment arriving again, extending from the current expiry, an admin's refund, and
 * premium running out when the runner's clock jumps past it.
 */
@ExtendWith(PostgresExtension.class)
class PremiumE2ETest {

    private static final long ADMIN = 770_002;

    private static final ShiftedClock CLOCK = new ShiftedClock();

    @RegisterExtension
    static final LuvhiveUnderTest luvhive = LuvhiveUnderTest.perClass(CLOCK, Set.of(ADMIN));
    private static final EmulatedBot bot = luvhive.bot();
    private static SimulatedUser admin;

    @BeforeAll
    static void start() {
        admin = bot.newUser(ADMIN, "Admin", "en");
        admin.sendCommand("start");
        admin.awaitMessageContaining("Welcome to LuvHive", WAIT);
    }

    @Test
    void aPaymentDeliveredThreeTimesGrantsPremiumOnceAndMorePremiumExtendsItUntilRefunded() {
        SimulatedUser pat = Users.returning(luvhive, "Pat", "male", 33);
        pat.sendCommand("filters");
        pat.awaitMessageContaining("premium feature", WAIT);

        PaymentOutcome month = buy(pat, 30, 250);
        pat.awaitMessageContaining("Thank you! Premium is active until", WAIT);
        Instant paidAt = instant("select paid_at from payments where telegram_payment_charge_id = ?", month.chargeId());
        Instant until = premiumUntil(pat);
        assertThat(until).isEqualTo(paidAt.plus(Duration.ofDays(30)));

        long updateId = luvhive.count("select max(update_id) from inbox where user_id = ? and kind = 'message'",
                pat.id());
        InboxStore inbox = luvhive.instance(0).pipeline().inbox();
        String again = "{\"update_id\":" + updateId + ",\"message\":" + month.paymentMessage().json() + "}";
        assertThat(inbox.storeWebhookBody(again.getBytes(StandardCharsets.UTF_8)))
                .as("Telegram redelivering the same update").isEqualTo(InboxStore.Outcome.DUPLICATE);
        assertThat(inbox.storeWebhookBody(again.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(InboxStore.Outcome.DUPLICATE);
        for (long otherId : new long[] {990_000_001L, 990_000_002L}) {
            assertThat(inbox.storeWebhookBody(("{\"update_id\":" + otherId + ",\"message\":"
                    + month.paymentMessage().json() + "}").getBytes(StandardCharsets.UTF_8)))
                    .as("the same charge under another update id").isEqualTo(InboxStore.Outcome.STORED);
        }
        luvhive.awaitQuiet();
        assertThat(luvhive.count("select count(*) from payments where user_id = ?", pat.id())).isEqualTo(1);
        assertThat(premiumUntil(pat)).isEqualTo(until);
        assertThat(pat.received()).filteredOn(message -> message.text().contains("Thank you!")).hasSize(1);

        PaymentOutcome week = buy(pat, 7, 100);
        pat.awaitMessageContaining("Thank you! Premium is active until", WAIT);
        assertThat(premiumUntil(pat)).as("extended from the current expiry, not from now")
                .isEqualTo(until.plus(Duration.ofDays(7)));

        admin.sendCommand("refund", week.chargeId());
        admin.awaitMessageContaining("Refunded 100", WAIT);
        pat.awaitMessageContaining("was refunded", WAIT);
        assertThat(bot.isRefunded(week.chargeId())).isTrue();
        assertThat(premiumUntil(pat)).isEqualTo(until);
        pat.sendCommand("filters");
        pat.awaitMessage(message -> message.hasCallbackButton("filt:g:female"), WAIT);
    }

    @Test
    void premiumExpiresWhenItsTimeHasPassed() {
        SimulatedUser quinn = Users.returning(luvhive, "Quinn", "female", 29);
        buy(quinn, 7, 100);
        quinn.awaitMessageContaining("Thank you! Premium is active until", WAIT);
        quinn.sendCommand("boost");
        quinn.awaitMessageContaining("Boosted", WAIT);
        quinn.sendCommand("cancel");
        quinn.awaitMessageContaining("Search cancelled", WAIT);

        luvhive.awaitQuiet(); // nothing in flight while the time jumps
        CLOCK.jump(Duration.ofDays(7).plusMinutes(1));
        quinn.sendCommand("boost");
        quinn.awaitMessageContaining("Premium includes boosts", WAIT); // the paid boost's offer
        quinn.sendCommand("profile");
        assertThat(quinn.awaitMessageContaining("Your profile", WAIT).text()).contains("Premium: no");

        Runnable expiry = luvhive.instance(0).features().maintenance().stream()
                .filter(job -> job.name().equals("premium-expiry")).findFirst().orElseThrow().task();
        expiry.run(); // what the runner's one-minute schedule does
        quinn.awaitMessageContaining("Your premium has ended", WAIT);
        expiry.run(); // told once
        luvhive.awaitQuiet();
        assertThat(quinn.received()).filteredOn(message -> message.text().contains("premium has ended")).hasSize(1);
    }

    /** /premium, a pack's button, the XTR invoice, paid. */
    private static PaymentOutcome buy(SimulatedUser user, int days, int stars) {
        user.sendCommand("premium");
        ChatMessage catalogue = user.awaitMessage(message -> message.hasCallbackButton("prem:" + days), WAIT);
        assertThat(catalogue.inlineButtons()).extracting(InlineButton::callbackData)
                .containsExactly("prem:7", "prem:30", "prem:180", "prem:365");
        assertThat(catalogue.inlineButtons()).extracting(InlineButton::text).contains(days + " days · " + stars + " ⭐");
        user.press(catalogue, "prem:" + days).awaitAnswer(WAIT);
        ChatMessage invoice = user.awaitMessage(ChatMessage::isInvoice, WAIT);
        assertThat(invoice.json().path("invoice").path("currency").asText()).isEqualTo("XTR");
        assertThat(invoice.json().path("invoice").path("total_amount").asInt()).isEqualTo(stars);
        PaymentOutcome paid = user.pay(invoice);
        assertThat(paid.isPaid()).as("pre-checkout answered ok in time: %s", paid).isTrue();
        return paid;
    }

    private static Instant premiumUntil(SimulatedUser user) {
        return instant("select premium_until from users where user_id = ?", user.id());
    }

    private static Instant instant(String sql, Object argument) {
        return luvhive.database().jdbi().withHandle(handle -> handle.createQuery(sql).bind(0, argument)
                .mapTo(Instant.class).one());
    }
}
