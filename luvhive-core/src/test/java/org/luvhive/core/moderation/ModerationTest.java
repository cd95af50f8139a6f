package org.luvhive.core.moderation;

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

@ExtendWith(PostgresExtension.class)
class ModerationTest {

    private static final long ADMIN = 7;

    private final ManualClock clock = ManualClock.at("2026-03-01T10:00:00Z");
    private final BotHarness bot;

    ModerationTest(TestDatabase database) {
        this.bot = new BotHarness(database.jdbi(), clock, FeatureSettings.defaults(Set.of(ADMIN)));
    }

    @BeforeEach
    void emptyTables() {
        bot.reset();
    }

    private long pair(long first, long second) {
        bot.createUser(first, "male", 30, "Berlin");
        bot.createUser(second, "female", 30, "Berlin");
        bot.text(first, "/find");
        bot.text(second, "/find");
        assertThat(bot.partnerOf(first)).isEqualTo(second);
        return bot.count("select max(id) from chats");
    }

    @Test
    void reportDuringAChatEndsItStoresReasonAndDetailsAndTellsAdmins() {
        long chat = pair(501, 502);
        bot.text(501, "/report");
        assertThat(bot.last(501, "sendmessage").orElseThrow().hasButton("rep:" + chat + ":abuse")).isTrue();
        bot.tap(501, "rep:" + chat + ":abuse");
        assertThat(bot.partnerOf(502)).isZero();
        assertThat(bot.lastText(502)).contains("partner left");
        assertThat(bot.lastText(ADMIN)).contains("New report").contains("502");
        bot.text(501, "they insulted me");
        assertThat(bot.count("select count(*) from reports where reporter_id = 501 and reported_id = 502 "
                + "and reason = 'abuse' and details = 'they insulted me' and chat_id = " + chat)).isEqualTo(1);
        bot.tap(501, "rep:" + chat + ":spam");
        assertThat(bot.count("select count(*) from reports")).isEqualTo(1);
    }

    @Test
    void theLastPartnerCanBeReportedOnlyWithinFifteenMinutes() {
        long chat = pair(503, 504);
        bot.text(504, "/stop");
        clock.advance(Duration.ofMinutes(10));
        bot.tap(503, "rep:" + chat);
        bot.tap(503, "rep:" + chat + ":spam");
        bot.text(503, "/skip");
        assertThat(bot.count("select count(*) from reports where reporter_id = 503 and details is null")).isEqualTo(1);
        clock.advance(Duration.ofMinutes(6));
        bot.text(504, "/report");
        assertThat(bot.lastText(504)).contains("nobody to report");
    }

    @Test
    void bannedUserIsToldOnceRemovedFromChatAndIgnoredUntilUnbanned() {
        pair(505, 506);
        bot.text(ADMIN, "/ban 505 2h spamming links");
        assertThat(bot.partnerOf(506)).isZero();
        assertThat(bot.lastText(506)).contains("partner left");
        assertThat(bot.lastText(505)).contains("banned until").contains("spamming links");
        int before = bot.texts(505).size();
        bot.text(505, "/find");
        bot.text(505, "hello?");
        assertThat(bot.texts(505)).hasSize(before);
        assertThat(bot.count("select count(*) from match_queue where user_id = 505")).isZero();

        bot.text(ADMIN, "/unban 505");
        bot.text(505, "/find");
        assertThat(bot.count("select count(*) from match_queue where user_id = 505")).isEqualTo(1);
        assertThat(bot.count("select count(*) from admin_audit where admin_id = 7 and action in ('ban', 'unban')"))
                .isEqualTo(2);
    }

    @Test
    void aBanRunsOutByItself() {
        bot.createUser(507, "male", 30, "Berlin");
        bot.text(ADMIN, "/ban 507 30m test");
        bot.text(507, "/find");
        assertThat(bot.count("select count(*) from match_queue")).isZero();
        clock.advance(Duration.ofMinutes(31));
        bot.text(507, "/find");
        assertThat(bot.count("select count(*) from match_queue")).isEqualTo(1);
    }
}
