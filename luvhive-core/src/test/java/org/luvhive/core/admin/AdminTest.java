package org.luvhive.core.admin;

import static org.assertj.core.api.Assertions.assertThat;

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
class AdminTest {

    private static final long ADMIN = 5;

    private final ManualClock clock = ManualClock.at("2026-03-01T10:00:00Z");
    private final BotHarness bot;

    AdminTest(TestDatabase database) {
        this.bot = new BotHarness(database.jdbi(), clock, FeatureSettings.defaults(Set.of(ADMIN)));
    }

    @BeforeEach
    void emptyTables() {
        bot.reset();
    }

    @Test
    void nonAdminsCannotRunAdminCommandsAndEveryAttemptIsAudited() {
        bot.createUser(601, "male", 30, "Berlin");
        for (String command : new String[] {"/stats", "/ban 601 1d x", "/unban 601", "/reports", "/refund c"}) {
            bot.text(601, command);
            assertThat(bot.lastText(601)).contains("Unknown command");
        }
        bot.tap(601, "adm:dismiss:1");
        assertThat(bot.count("select count(*) from bans")).isZero();
        assertThat(bot.count("select count(*) from admin_audit where admin_id = 601 and not allowed")).isEqualTo(6);
    }

    @Test
    void statsCountUsersChatsQueuePremiumAndReports() {
        bot.createUser(611, "male", 30, "Berlin");
        bot.createUser(612, "female", 30, "Berlin");
        bot.createUser(613, "female", 30, "Berlin");
        bot.makePremium(613, clock.instant().plusSeconds(3600));
        bot.text(611, "/find");
        bot.text(612, "/find");
        bot.text(613, "/find");
        bot.text(ADMIN, "/stats");
        assertThat(bot.lastText(ADMIN)).contains("Users: 3").contains("Active chats: 1").contains("Searching: 1")
                .contains("Premium users: 1").contains("Open reports: 0");
        assertThat(bot.count("select count(*) from admin_audit where admin_id = 5 and action = 'stats' and allowed"))
                .isEqualTo(1);
    }

    @Test
    void openReportsCanBeDismissedOrBannedOnce() {
        bot.createUser(621, "male", 30, "Berlin");
        bot.createUser(622, "female", 30, "Berlin");
        bot.text(621, "/find");
        bot.text(622, "/find");
        long chat = bot.count("select max(id) from chats");
        bot.tap(621, "rep:" + chat + ":spam");
        bot.tap(622, "rep:" + chat + ":abuse");
        bot.text(ADMIN, "/reports");
        assertThat(bot.texts(ADMIN)).anyMatch(text -> text.contains("2 open report"));
        long first = bot.count("select min(id) from reports");
        long second = bot.count("select max(id) from reports");
        bot.tap(ADMIN, "adm:dismiss:" + first);
        bot.tap(ADMIN, "adm:ban7:" + second);
        bot.tap(ADMIN, "adm:banperm:" + second);
        assertThat(bot.count("select count(*) from reports where status = 'open'")).isZero();
        assertThat(bot.count("select count(*) from bans where user_id = 621 and banned_until is not null")).isEqualTo(1);
        assertThat(bot.count("select count(*) from bans")).isEqualTo(1);
        bot.text(ADMIN, "/ban 622 soon x");
        assertThat(bot.lastText(ADMIN)).contains("duration");
    }
}
