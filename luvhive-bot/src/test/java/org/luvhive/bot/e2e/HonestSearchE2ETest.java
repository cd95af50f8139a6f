package org.luvhive.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.luvhive.bot.e2e.LuvhiveUnderTest.WAIT;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.luvhive.core.Maintenance;
import org.luvhive.core.bot.FeatureSettings;
import org.luvhive.core.config.SearchConfig;
import org.luvhive.core.premium.PaymentsReport;
import org.luvhive.core.testing.PostgresExtension;
import org.luvhive.testkit.telegram.ChatMessage;
import org.luvhive.testkit.telegram.LoggedRequest;
import org.luvhive.testkit.telegram.PaymentOutcome;
import org.luvhive.testkit.telegram.SimulatedUser;
import org.telegram.telegrambots.meta.api.methods.payments.RefundStarPayment;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * Honest search, end to end on two bot instances sharing one database: the "Searching…"
 * message counts who else searches and who fits, and is edited in place (one message, one
 * edit per change, never two for one change) as others come and go; the offer to widen
 * after the configured time, taken with one tap; a paid boost that finds nobody in time
 * refunded in Stars exactly once (both instances settling at once, and after Telegram had
 * refunded it before a crash kept the bot from recording it), and none when a partner was
 * found in time. The runners' clock jumps where minutes must pass; maintenance runs are
 * also triggered by hand, on both instances at once.
 */
@ExtendWith(PostgresExtension.class)
class HonestSearchE2ETest {

    private static final Duration WIDEN_AFTER = Duration.ofMinutes(1);
    private static final Duration PROMISE = Duration.ofMinutes(10);

    private static final ShiftedClock CLOCK = new ShiftedClock();

    @RegisterExtension
    static final LuvhiveUnderTest luvhive = LuvhiveUnderTest.perClass(CLOCK, FeatureSettings.defaults(Set.of())
            .withSearch(new SearchConfig(WIDEN_AFTER, PROMISE, 25)), 2);

    @BeforeEach
    void nobodyWaitsFromAnotherScenario() {
        luvhive.awaitQuiet();
        luvhive.database().jdbi().useHandle(handle -> handle.execute("delete from match_queue"));
    }

    @Test
    void theSearchingMessageCountsWhoSearchesAndFitsIsEditedInPlaceAndOffersToWiden() {
        SimulatedUser ann = Users.returning(luvhive, "Ann", "male", 30);
        SimulatedUser bob = Users.returning(luvhive, "Bob", "male", 31);
        SimulatedUser cat = Users.returning(luvhive, "Cat", "female", 28);
        premiumWithFilter(ann, "filt:g:female");
        ann.sendCommand("find");
        ChatMessage status = ann.awaitMessageContaining("Searching for a partner", WAIT);
        assertThat(status.text()).contains("besides you: 0 · fit your filters: 0").contains("Too few recent matches");

        bob.sendCommand("find"); // a man: Ann wants women only
        assertThat(bob.awaitMessageContaining("Searching for a partner", WAIT).text()).contains("besides you: 1");
        awaitStatus(ann, status, text -> text.contains("besides you: 1 · fit your filters: 0"));

        premiumWithFilter(cat, "filt:g:female"); // fits Ann, but Ann does not fit her
        cat.sendCommand("find");
        cat.awaitMessageContaining("Searching for a partner", WAIT);
        awaitStatus(ann, status, text -> text.contains("besides you: 2 · fit your filters: 1"));

        cat.sendCommand("cancel");
        cat.awaitMessageContaining("Search cancelled", WAIT);
        awaitStatus(ann, status, text -> text.contains("besides you: 1 · fit your filters: 0"));
        luvhive.awaitQuiet();
        assertThat(ann.received()).filteredOn(message -> message.text().contains("Searching for a partner"))
                .as("one message, edited in place").hasSize(1);
        assertThat(requests(ann, "editMessageText")).as("one edit per change, from two instances").hasSize(3);

        CLOCK.jump(WIDEN_AFTER);
        runOnBothInstances("match-widen-offers");
        ChatMessage offer = ann.awaitMessage(message -> message.hasCallbackButton("wide:yes"), WAIT);
        assertThat(offer.text()).contains("Nobody who fits your filters was free in the last 1 minute");
        assertThat(bob.awaitMessage(message -> message.hasCallbackButton("wide:keep"), WAIT).text())
                .contains("still searching");
        ann.press(offer, "wide:yes").awaitAnswer(WAIT);
        ann.awaitMessageContaining(Users.PARTNER_FOUND, WAIT);
        bob.awaitMessageContaining(Users.PARTNER_FOUND, WAIT);
        luvhive.awaitQuiet();
        assertThat(current(ann, status).text()).as("the status says the search is over")
                .isEqualTo("🔎 Search over: a partner was found.");
        assertThat(ann.received()).filteredOn(message -> message.hasCallbackButton("wide:yes"))
                .as("the offer's buttons go once used").isEmpty();
        assertThat(ann.received()).filteredOn(message -> message.text().contains("Widen them")).hasSize(1);
    }

    @Test
    void aPaidBoostThatFindsNobodyInTimeIsRefundedExactlyOnceByTwoInstances() {
        SimulatedUser dan = Users.returning(luvhive, "Dan", "male", 35);
        PaymentOutcome paid = payBoost(dan);
        dan.awaitMessageContaining("your 25 ⭐ come back automatically", WAIT);
        int before = refundCalls().size();

        CLOCK.jump(PROMISE);
        runOnBothInstances("search-promises");
        dan.awaitMessageContaining("found nobody within 10 minutes, so its 25 ⭐ were refunded", WAIT);
        runOnBothInstances("search-promises");
        luvhive.awaitQuiet();
        assertThat(luvhive.bot().isRefunded(paid.chargeId())).isTrue();
        assertThat(refundCalls()).as("asked once").hasSize(before + 1);
        assertThat(dan.received()).filteredOn(message -> message.text().contains("were refunded")).hasSize(1);
        assertThat(luvhive.count("select count(*) from payments where telegram_payment_charge_id = ? "
                + "and refunded_at is not null", paid.chargeId())).isEqualTo(1);
        PaymentsReport report = PaymentsReport.build(luvhive.database().jdbi(), CLOCK.instant(), Duration.ofDays(30));
        assertThat(report.promises().refunded()).isPositive();
        assertThat(report.promises().refundedStars()).isEqualTo(25 * report.promises().refunded());
    }

    @Test
    void aRefundTelegramMadeBeforeACrashIsRecordedOnceAndNotMadeAgain() throws TelegramApiException {
        SimulatedUser eve = Users.returning(luvhive, "Eve", "female", 26);
        PaymentOutcome paid = payBoost(eve);
        eve.awaitMessageContaining("your 25 ⭐ come back automatically", WAIT);
        int before = refundCalls().size();
        // the refund went through but the instance died before recording it: Telegram has it, the database not
        luvhive.telegram().execute(new RefundStarPayment(eve.id(), paid.chargeId()));

        CLOCK.jump(PROMISE);
        runOnBothInstances("search-promises");
        eve.awaitMessageContaining("were refunded", WAIT);
        luvhive.awaitQuiet();
        assertThat(refundCalls().subList(before, refundCalls().size())).extracting(LoggedRequest::status)
                .as("the crashed call, then the bot's own: 'already refunded'").containsExactly(200, 400);
        assertThat(luvhive.count("select count(*) from search_promises where charge_id = ? and outcome = 'refunded'",
                paid.chargeId())).isEqualTo(1);
        assertThat(luvhive.count("select count(*) from payments where telegram_payment_charge_id = ? "
                + "and refunded_at is not null", paid.chargeId())).isEqualTo(1);
    }

    @Test
    void aPaidBoostThatFindsSomeoneInTimeIsNotRefunded() {
        SimulatedUser fay = Users.returning(luvhive, "Fay", "female", 27);
        SimulatedUser gus = Users.returning(luvhive, "Gus", "male", 29);
        PaymentOutcome paid = payBoost(fay);
        fay.awaitMessageContaining("your 25 ⭐ come back automatically", WAIT);
        int before = refundCalls().size();
        CLOCK.jump(PROMISE.minusMinutes(1));
        gus.sendCommand("find");
        fay.awaitMessageContaining(Users.PARTNER_FOUND, WAIT);

        CLOCK.jump(Duration.ofMinutes(2));
        runOnBothInstances("search-promises");
        luvhive.awaitQuiet();
        assertThat(luvhive.count("select count(*) from search_promises where charge_id = ? and outcome = 'kept'",
                paid.chargeId())).isEqualTo(1);
        assertThat(refundCalls()).hasSize(before);
        assertThat(luvhive.bot().isRefunded(paid.chargeId())).isFalse();
    }

    /** /boost without premium: the offer, the XTR invoice, paid. */
    private static PaymentOutcome payBoost(SimulatedUser user) {
        user.sendCommand("boost");
        assertThat(user.awaitMessageContaining("Premium includes boosts", WAIT).text()).contains("25 ⭐")
                .contains("within 10 minutes");
        ChatMessage invoice = user.awaitMessage(ChatMessage::isInvoice, WAIT);
        assertThat(invoice.json().path("invoice").path("total_amount").asInt()).isEqualTo(25);
        PaymentOutcome paid = user.pay(invoice);
        assertThat(paid.isPaid()).as("pre-checkout answered ok in time: %s", paid).isTrue();
        return paid;
    }

    private static void premiumWithFilter(SimulatedUser user, String filter) {
        luvhive.database().jdbi().useHandle(handle -> handle.createUpdate(
                "update users set premium_until = now() + interval '30 days' where user_id = :id")
                .bind("id", user.id()).execute());
        user.sendCommand("filters");
        Users.press(user, filter);
        user.awaitMessageContaining("Applies from your next /find", WAIT);
    }

    /** Moves the clock past the edit interval and runs the status on both instances until the message says so. */
    private static void awaitStatus(SimulatedUser user, ChatMessage status, Predicate<String> says) {
        await().atMost(WAIT).until(() -> {
            if (says.test(current(user, status).text())) {
                return true;
            }
            CLOCK.jump(Duration.ofSeconds(16));
            runOnBothInstances("search-status");
            luvhive.awaitQuiet();
            return says.test(current(user, status).text());
        });
    }

    private static ChatMessage current(SimulatedUser user, ChatMessage message) {
        return user.received().stream().filter(candidate -> candidate.messageId() == message.messageId()).findFirst()
                .orElseThrow();
    }

    /** What each instance's scheduler does, on both at the same moment. */
    private static void runOnBothInstances(String task) {
        List<CompletableFuture<Void>> runs = List.of(0, 1).stream()
                .map(index -> luvhive.instance(index).features().maintenance().stream()
                        .filter(job -> job.name().equals(task)).findFirst().map(Maintenance::task).orElseThrow())
                .map(CompletableFuture::runAsync).toList();
        runs.forEach(CompletableFuture::join);
    }

    /** refundStarPayment calls the emulator answered, oldest first (they name a user, not a chat). */
    private static List<LoggedRequest> refundCalls() {
        return luvhive.bot().requestLog().stream().filter(request -> request.method().equals("refundStarPayment"))
                .toList();
    }

    private static List<LoggedRequest> requests(SimulatedUser user, String method) {
        return luvhive.bot().requestLog().stream()
                .filter(request -> request.method().equals(method) && Long.valueOf(user.id()).equals(request.chatId()))
                .toList();
    }
}
