package org.luvhive.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.luvhive.bot.e2e.LuvhiveUnderTest.WAIT;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.luvhive.core.testing.PostgresExtension;
import org.luvhive.testkit.telegram.ChatMessage;
import org.luvhive.testkit.telegram.PaymentOutcome;
import org.luvhive.testkit.telegram.SimulatedUser;

/**
 * The payment fraud limits in pre-checkout, end to end: five payments in an hour go
 * through, the sixth is refused with a message that says what to do, and an hour later
 * paying works again; a fourth payment within 5 minutes is refused, and after three
 * refused attempts the user waits out the hour. The runner's clock jumps between steps.
 */
@ExtendWith(PostgresExtension.class)
class PaymentLimitsE2ETest {

    private static final ShiftedClock CLOCK = new ShiftedClock();

    @RegisterExtension
    static final LuvhiveUnderTest luvhive = LuvhiveUnderTest.perClass(CLOCK, Set.of());

    @Test
    void theSixthPaymentWithinAnHourIsRefused() {
        SimulatedUser payer = Users.returning(luvhive, "Payer", "male", 40);
        for (int payment = 1; payment <= 5; payment++) {
            PaymentOutcome paid = payer.pay(invoice(payer));
            assertThat(paid.isPaid()).as("payment %d: %s", payment, paid).isTrue();
            payer.awaitMessageContaining("Thank you! Premium is active until", WAIT);
            luvhive.awaitQuiet();
            CLOCK.jump(Duration.ofMinutes(6));
        }

        PaymentOutcome sixth = payer.pay(invoice(payer));

        assertThat(sixth.isPaid()).isFalse();
        luvhive.awaitQuiet(); // the answer left inside the pre-checkout's transaction, before its commit
        assertThat(sixth.errorMessage()).isEqualTo("You already made 5 payments in the last hour, the most we accept. "
                + "Please try again in an hour.");
        assertThat(luvhive.count("select count(*) from payments where user_id = ?", payer.id())).isEqualTo(5);
        assertThat(luvhive.count("select count(*) from checkout_refusals where user_id = ? and code = 'limit_hour'",
                payer.id())).isEqualTo(1);

        CLOCK.jump(Duration.ofMinutes(31));
        assertThat(payer.pay(invoice(payer)).isPaid()).isTrue();
    }

    @Test
    void theFourthPaymentWithinFiveMinutesIsRefusedAndThreeRefusalsMakeThePayerWaitTheHour() {
        SimulatedUser payer = Users.returning(luvhive, "Quick", "female", 40);
        for (int payment = 1; payment <= 3; payment++) {
            PaymentOutcome paid = payer.pay(invoice(payer));
            assertThat(paid.isPaid()).as("payment %d: %s", payment, paid).isTrue();
            payer.awaitMessageContaining("Thank you! Premium is active until", WAIT);
        }
        for (int attempt = 1; attempt <= 3; attempt++) {
            PaymentOutcome refused = payer.pay(invoice(payer));
            assertThat(refused.isPaid()).as("attempt %d", attempt).isFalse();
            assertThat(refused.errorMessage()).isEqualTo("You already made 3 payments in the last 5 minutes, "
                    + "the most we accept. Please wait a few minutes and try again.");
        }
        luvhive.awaitQuiet();
        CLOCK.jump(Duration.ofMinutes(6));

        PaymentOutcome waiting = payer.pay(invoice(payer));

        assertThat(waiting.isPaid()).isFalse();
        assertThat(waiting.errorMessage()).isEqualTo("Too many of your payment attempts were refused in the last hour. "
                + "Please try again in an hour.");
        luvhive.awaitQuiet();
        assertThat(luvhive.count("select count(*) from checkout_refusals where user_id = ? and code = 'limit_5_minutes'",
                payer.id())).isEqualTo(3);
        assertThat(luvhive.count("select count(*) from checkout_refusals where user_id = ? and code = 'limit_refused'",
                payer.id())).isEqualTo(1);
        assertThat(luvhive.count("select count(*) from payments where user_id = ?", payer.id())).isEqualTo(3);

        CLOCK.jump(Duration.ofMinutes(61));
        assertThat(payer.pay(invoice(payer)).isPaid()).isTrue();
    }

    private static ChatMessage invoice(SimulatedUser user) {
        user.sendCommand("premium");
        ChatMessage catalogue = user.awaitMessage(message -> message.hasCallbackButton("prem:7"), WAIT);
        user.press(catalogue, "prem:7").awaitAnswer(WAIT);
        return user.awaitMessage(ChatMessage::isInvoice, WAIT);
    }
}
