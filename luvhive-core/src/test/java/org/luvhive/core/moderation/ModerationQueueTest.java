package org.luvhive.core.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.luvhive.core.bot.BotHarness;
import org.luvhive.core.bot.FeatureSettings;
import org.luvhive.core.delivery.Priority;
import org.luvhive.core.testing.ManualClock;
import org.luvhive.core.testing.PostgresExtension;
import org.luvhive.core.testing.TestDatabase;

/**
 * Reports and the admin queue: three reporters within minutes mute, a 'minor' report holds
 * the user out of matching and alerts every admin first, /mod shows the most urgent case
 * first and its buttons act once, every action audited; /appeal once per mute or ban.
 */
@ExtendWith(PostgresExtension.class)
class ModerationQueueTest {

    private static final long ADMIN = 7;
    private static final long OTHER_ADMIN = 8;

    private final ManualClock clock = ManualClock.at("2026-03-01T10:00:00Z");
    private final BotHarness bot;

    ModerationQueueTest(TestDatabase database) {
        this.bot = new BotHarness(database.jdbi(), clock, FeatureSettings.defaults(Set.of(ADMIN, OTHER_ADMIN)));
    }

    @BeforeEach
    void emptyTables() {
        bot.reset();
    }

    /** {@code reporter} meets {@code reported} and reports them for {@code reason}; returns the chat. */
    private long meetAndReport(long reporter, long reported, String reason) {
        bot.text(reporter, "/find");
        bot.text(reported, "/find");
        assertThat(bot.partnerOf(reporter)).isEqualTo(reported);
        long chat = bot.count("select max(id) from chats");
        bot.tap(reporter, "rep:" + chat + ":" + reason);
        return chat;
    }

    private long caseOf(long user) {
        return bot.count("select id from moderation_cases where user_id = " + user + " and status = 'open'");
    }

    @Test
    void threeReportersWithinTenMinutesMuteForThirtyMinutesAndTopTheQueue() {
        bot.createUser(201, "male", 30, "Berlin");
        for (long reporter = 202; reporter <= 205; reporter++) {
            bot.createUser(reporter, "female", 30, "Berlin");
        }
        bot.createUser(210, "male", 30, "Berlin");
        bot.createUser(211, "female", 30, "Berlin");
        meetAndReport(211, 210, "spam"); // an older, single report elsewhere

        meetAndReport(202, 201, "abuse");
        clock.advance(Duration.ofMinutes(4));
        meetAndReport(203, 201, "spam");
        assertThat(bot.count("select count(*) from moderation_mutes where user_id = 201")).isZero();
        clock.advance(Duration.ofMinutes(4));
        meetAndReport(204, 201, "abuse");

        assertThat(bot.count("select count(*) from moderation_mutes where user_id = 201 "
                + "and until = '2026-03-01T10:38:00Z'")).isEqualTo(1);
        assertThat(bot.lastText(201)).contains("Several people reported you").contains("muted until 2026-03-01 10:38");
        assertThat(bot.lastText(ADMIN)).contains("reported by 3 people").contains("top of /mod");
        bot.text(204, "/find");
        bot.text(201, "/find");
        bot.text(201, "hello?");
        assertThat(bot.sent(204).stream().filter(sent -> sent.method().equals("copymessage"))).isEmpty();

        bot.text(ADMIN, "/mod");
        assertThat(bot.texts(ADMIN)).anySatisfy(text -> assertThat(text).startsWith("🛡 2 open case(s)"));
        var cases = bot.sent(ADMIN).stream().filter(sent -> sent.text() != null && sent.text().startsWith("Case #"))
                .toList();
        assertThat(cases.get(0).text()).contains("reported by several users").contains("user 201")
                .contains("3 report(s) by 3 user(s)").contains("muted until");
        assertThat(cases.get(0).hasButton("mod:ban:" + caseOf(201))).isTrue();
        assertThat(cases.get(1).text()).contains("user 210");
    }

    @Test
    void aMinorReportAlertsEveryAdminFirstAndHoldsTheUserUntilAnAdminDecides() {
        bot.createUser(221, "female", 30, "Berlin");
        bot.createUser(222, "male", 30, "Berlin");
        bot.createUser(223, "female", 30, "Berlin");
        bot.createUser(224, "male", 30, "Berlin");
        meetAndReport(221, 222, "minor");
        long held = caseOf(222);

        for (long admin : new long[] {ADMIN, OTHER_ADMIN}) {
            var alert = bot.last(admin, "sendmessage").orElseThrow();
            assertThat(alert.text()).startsWith("🚨 Urgent: user 222 was reported as seeming under 18");
            assertThat(alert.hasButton("mod:dismiss:" + held)).isTrue();
            assertThat(bot.count("select priority from outbox where id = " + alert.id()))
                    .isEqualTo(Priority.RELAY.rank());
        }
        bot.text(222, "/find");
        assertThat(bot.lastText(222)).contains("being reviewed by a moderator");
        bot.text(223, "/find");
        bot.text(222, "/next");
        assertThat(bot.partnerOf(223)).isZero();

        bot.tap(ADMIN, "mod:dismiss:" + held);
        assertThat(bot.lastText(222)).contains("you can search again");
        bot.tap(OTHER_ADMIN, "mod:ban:" + held);
        assertThat(bot.count("select count(*) from bans where user_id = 222")).as("acted on once").isZero();
        bot.text(222, "/find");
        assertThat(bot.partnerOf(223)).isEqualTo(222);
        assertThat(bot.count("select count(*) from admin_audit where admin_id = 7 and action = 'mod-dismiss' "
                + "and target = 'case " + held + "'")).isEqualTo(1);
        assertThat(bot.count("select count(*) from reports where reported_id = 222 and status = 'dismissed'"))
                .isEqualTo(1);
        assertThat(bot.count("select count(*) from moderation_decisions where user_id = 222 and action in "
                + "('hold', 'dismiss')")).isEqualTo(2);
    }

    @Test
    void theButtonsBanMuteAndLiftAndOnlyAdminsMayPressThem() {
        bot.createUser(231, "female", 30, "Berlin");
        bot.createUser(232, "male", 30, "Berlin");
        meetAndReport(231, 232, "abuse");
        long first = caseOf(232);

        bot.tap(232, "mod:lift:" + first);
        assertThat(bot.count("select count(*) from moderation_cases where id = " + first + " and status = 'open'"))
                .isEqualTo(1);
        assertThat(bot.count("select count(*) from admin_audit where admin_id = 232 and not allowed")).isEqualTo(1);

        bot.tap(ADMIN, "mod:mute:" + first);
        assertThat(bot.lastText(232)).startsWith("🔇 A moderator muted you until 2026-03-02 10:00 UTC");
        assertThat(bot.count("select count(*) from reports where reported_id = 232 and status = 'actioned'"))
                .isEqualTo(1);

        bot.text(232, "/appeal I was only joking");
        assertThat(bot.lastText(232)).contains("Your appeal was sent");
        assertThat(bot.lastText(ADMIN)).contains("Appeal from user 232 against a mute");
        bot.text(232, "/appeal please");
        assertThat(bot.lastText(232)).contains("You already appealed this mute");
        long appeal = caseOf(232);
        bot.text(ADMIN, "/mod");
        assertThat(bot.texts(ADMIN)).anySatisfy(text -> assertThat(text).contains("Case #" + appeal)
                .contains("📨 appeal").contains("Appeal: “I was only joking”"));

        bot.tap(ADMIN, "mod:lift:" + appeal);
        assertThat(bot.count("select count(*) from moderation_mutes where user_id = 232")).isZero();
        assertThat(bot.lastText(232)).contains("lifted your restrictions");
        bot.text(232, "/appeal again");
        assertThat(bot.lastText(232)).isEqualTo("You have no mute or ban to appeal right now.");

        bot.createUser(233, "female", 30, "Berlin");
        meetAndReport(233, 232, "scam");
        bot.tap(ADMIN, "mod:ban:" + caseOf(232));
        assertThat(bot.count("select count(*) from bans where user_id = 232 and banned_until is null")).isEqualTo(1);
        bot.text(232, "/appeal I promise to behave");
        assertThat(bot.lastText(232)).contains("Your appeal was sent");
        assertThat(bot.count("select count(*) from admin_audit where action in ('mod-mute', 'mod-lift', 'mod-ban') "
                + "and allowed"))
                .isEqualTo(3);
    }

    @Test
    void aHoldOutOfMatchingSurvivesDeletingAndComingBack() {
        bot.createUser(241, "female", 30, "Berlin");
        bot.createUser(242, "male", 30, "Berlin");
        meetAndReport(241, 242, "minor");
        bot.text(242, "/delete_me");
        bot.tap(242, "del:confirm");
        assertThat(bot.count("select count(*) from users where user_id = 242")).isZero();

        bot.createUser(242, "male", 30, "Berlin");
        bot.text(242, "/find");
        assertThat(bot.lastText(242)).contains("being reviewed by a moderator");
        assertThat(bot.count("select count(*) from match_queue where user_id = 242")).isZero();
    }
}
