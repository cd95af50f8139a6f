package org.luvhive.core.premium;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.luvhive.core.bot.BotHarness;
import org.luvhive.core.bot.FeatureSettings;
import org.luvhive.core.config.SearchConfig;
import org.luvhive.core.delivery.DeliveryEvents;
import org.luvhive.core.delivery.ParkedMessage;
import org.luvhive.core.testing.ManualClock;
import org.luvhive.core.testing.PostgresExtension;
import org.luvhive.core.testing.TestDatabase;

/**
 * What paid searches promise: a paid boost finds someone within the promised time or is
 * refunded in Stars (once, through the outbox), and a premium filter search that found
 * nobody in time has the time credited to premium (once per search).
 */
@ExtendWith(PostgresExtension.class)
class SearchPromisesTest {

    private static final Duration PROMISE = SearchConfig.DEFAULT_PROMISE;

    private final ManualClock clock = ManualClock.at("2026-03-01T10:00:00Z");
    private final BotHarness bot;

    SearchPromisesTest(TestDatabase database) {
        this.bot = new BotHarness(database.jdbi(), clock, FeatureSettings.defaults(Set.of()));
    }

    @BeforeEach
    void emptyTables() {
        bot.reset();
    }

    @Test
    void aPaidBoostThatFindsNobodyInTimeIsRefundedOnce() {
        bot.createUser(901, "male", 30, "Berlin");
        bot.text(901, "/boost");
        assertThat(bot.lastText(901)).contains("25 ⭐").contains("within 10 minutes");
        assertThat(bot.last(901, "sendinvoice").orElseThrow().payload().path("payload").asText())
                .isEqualTo("boost:25:901");
        assertThat(bot.preCheckout(901, "boost:25:901", 25).getOk()).isTrue();
        assertThat(bot.preCheckout(901, "boost:24:901", 24).getOk()).as("not the boost's price").isFalse();
        bot.pay(901, "boost:25:901", 25, "boost-1");
        assertThat(bot.lastText(901)).contains("Boosted").contains("your 25 ⭐ come back automatically");
        assertThat(bot.count("select count(*) from match_queue where user_id = 901 and boosted_at is not null"))
                .isEqualTo(1);

        clock.advance(PROMISE.minusSeconds(1));
        run("search-promises");
        assertThat(refunds()).as("not before its time").isZero();
        clock.advance(Duration.ofSeconds(1));
        run("search-promises");
        run("search-promises");
        assertThat(refunds()).isEqualTo(1);
        assertThat(bot.last(901, "refundstarpayment").orElseThrow().payload().path("telegram_payment_charge_id")
                .asText()).isEqualTo("boost-1");
        assertThat(bot.count("select count(*) from payments where refunded_at is not null")).as("only once Telegram agreed")
                .isZero();

        bot.deliverAll(); // Telegram accepts the refund
        assertThat(bot.count("select count(*) from payments where telegram_payment_charge_id = 'boost-1' "
                + "and refunded_at is not null and refunded_by is null")).isEqualTo(1);
        assertThat(bot.lastText(901)).contains("found nobody within 10 minutes").contains("25 ⭐ were refunded");
        assertThat(bot.count("select count(*) from search_promises where outcome = 'refunded'")).isEqualTo(1);
        clock.advance(PROMISE);
        run("search-promises");
        assertThat(refunds()).as("never again").isEqualTo(1);
        bot.pay(901, "boost:25:901", 25, "boost-1"); // the same charge again, under another update
        assertThat(bot.count("select count(*) from search_promises")).isEqualTo(1);
    }

    @Test
    void aPaidBoostThatFoundSomeoneInTimeIsKeptAndNotRefunded() {
        bot.createUser(911, "male", 30, "Berlin");
        bot.createUser(912, "female", 30, "Berlin");
        bot.pay(911, "boost:25:911", 25, "boost-2");
        clock.advance(PROMISE.minusMinutes(1));
        bot.text(912, "/find");
        assertThat(bot.partnerOf(911)).isEqualTo(912);
        clock.advance(Duration.ofMinutes(2));
        run("search-promises");
        assertThat(refunds()).isZero();
        assertThat(bot.count("select count(*) from search_promises where outcome = 'kept'")).isEqualTo(1);
    }

    @Test
    void aRefundTelegramAlreadyMadeCountsAndOneItRefusesIsRecordedAsFailed() {
        bot.createUser(921, "male", 30, "Berlin");
        bot.createUser(922, "male", 30, "Berlin");
        bot.pay(921, "boost:25:921", 25, "boost-3");
        clock.advance(PROMISE);
        run("search-promises");
        bot.text(921, "/cancel");
        bot.pay(922, "boost:25:922", 25, "boost-4");
        clock.advance(PROMISE);
        run("search-promises");
        assertThat(refunds()).isEqualTo(2);
        DeliveryEvents events = bot.logic().deliveryEvents();
        bot.jdbi().useTransaction(handle -> {
            for (var row : handle.createQuery("select id, chat_id, correlation from outbox "
                    + "where method = 'refundstarpayment' order by chat_id").mapToMap().list()) {
                long chat = ((Number) row.get("chat_id")).longValue();
                events.parked(handle, new ParkedMessage(((Number) row.get("id")).longValue(),
                        chat, "refundstarpayment", Optional.of((String) row.get("correlation")),
                        chat == 921 ? "Bad Request: CHARGE_ALREADY_REFUNDED" : "Bad Request: CHARGE_NOT_FOUND"));
            }
        });
        assertThat(bot.count("select count(*) from payments where telegram_payment_charge_id = 'boost-3' "
                + "and refunded_at is not null")).as("refunded before a crash kept it from being recorded").isEqualTo(1);
        assertThat(bot.count("select count(*) from search_promises where outcome = 'refund_failed'")).isEqualTo(1);
        assertThat(bot.count("select count(*) from payments where telegram_payment_charge_id = 'boost-4' "
                + "and refunded_at is not null")).isZero();
    }

    @Test
    void aPremiumFilterSearchThatFindsNobodyInTimeIsCreditedOnce() {
        Instant until = clock.instant().plus(Duration.ofDays(3));
        bot.createUser(931, "male", 30, "Berlin");
        bot.createUser(932, "male", 30, "Berlin");
        bot.makePremium(931, until);
        bot.tap(931, "filt:g:female");
        bot.makePremium(932, until);
        bot.text(931, "/find");
        bot.text(932, "/find"); // no filters: nothing promised
        clock.advance(PROMISE.minusSeconds(1));
        run("search-promises");
        assertThat(premiumUntil(931)).isEqualTo(until);
        clock.advance(Duration.ofSeconds(1));
        run("search-promises");
        run("search-promises");
        assertThat(premiumUntil(931)).isEqualTo(until.plus(PROMISE));
        assertThat(premiumUntil(932)).isEqualTo(until);
        assertThat(bot.lastText(931)).contains("10 minutes of premium were added");
        clock.advance(PROMISE);
        run("search-promises");
        assertThat(premiumUntil(931)).as("once per search").isEqualTo(until.plus(PROMISE));
    }

    private long refunds() {
        return bot.count("select count(*) from outbox where method = 'refundstarpayment'");
    }

    private Instant premiumUntil(long userId) {
        return bot.jdbi().withHandle(handle -> handle.createQuery("select premium_until from users where user_id = :id")
                .bind("id", userId).mapTo(Instant.class).one());
    }

    private void run(String task) {
        bot.runMaintenance(task);
    }
}
