package org.luvhive.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.luvhive.bot.e2e.LuvhiveUnderTest.WAIT;

import java.time.Clock;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.luvhive.core.testing.PostgresExtension;
import org.luvhive.testkit.telegram.ChatMessage;
import org.luvhive.testkit.telegram.SimulatedUser;

/**
 * Age protection through the real bot: adults meet only within their age band until both
 * turn on "wider age range"; whoever says they are under 18 is never matched, whatever age
 * they type afterwards; a "minor" report still reaches the admins at once, and their ban
 * holds until an appeal lifts it (moderation's own flow, #12, checked end to end here).
 */
@ExtendWith(PostgresExtension.class)
class AgeProtectionE2ETest {

    private static final long ADMIN = 770_161;

    private static final ShiftedClock CLOCK = new ShiftedClock();

    @RegisterExtension
    static final LuvhiveUnderTest luvhive = LuvhiveUnderTest.perClass(CLOCK, Set.of(ADMIN));
    private static SimulatedUser admin;

    @BeforeAll
    static void start() {
        admin = luvhive.bot().newUser(ADMIN, "Admin", "en");
        admin.sendCommand("start");
        admin.awaitMessageContaining("Welcome to LuvHive", WAIT);
    }

    @AfterEach
    void emptyTheQueue() {
        luvhive.database().jdbi().useHandle(handle -> handle.execute("delete from match_queue"));
    }

    @Test
    void adultsMeetOnlyWithinTheirAgeBandUntilBothWidenIt() {
        SimulatedUser kim = Users.returning(luvhive, "Kim", "female", 19);
        SimulatedUser leo = Users.returning(luvhive, "Leo", "male", 30);
        search(kim);
        search(leo);
        luvhive.awaitQuiet();
        assertThat(inChat(kim)).as("19 meets 18-23, 30 meets 24-39").isFalse();

        widen(kim);
        kim.sendCommand("cancel");
        kim.awaitMessageContaining("Search cancelled", WAIT);
        search(kim);
        luvhive.awaitQuiet();
        assertThat(inChat(kim)).as("one side widening changes nothing").isFalse();

        widen(leo);
        leo.sendCommand("cancel");
        leo.awaitMessageContaining("Search cancelled", WAIT);
        leo.sendCommand("find");
        leo.awaitMessageContaining(Users.PARTNER_FOUND, WAIT);
        kim.awaitMessageContaining(Users.PARTNER_FOUND, WAIT);
    }

    @Test
    void whoeverSaysTheyAreUnderEighteenIsNeverMatched() {
        SimulatedUser oscar = Users.returning(luvhive, "Oscar", "male", 20);
        SimulatedUser nora = Users.returning(luvhive, "Nora", "female", 20);
        search(oscar);
        nora.sendCommand("profile");
        Users.press(nora, "prof:age");
        nora.awaitMessageContaining("Send your new age", WAIT);
        nora.sendText("16");
        nora.awaitMessageContaining("adults only", WAIT);
        nora.sendCommand("find");
        nora.awaitMessageContaining("You told us you are under 18", WAIT);
        nora.sendCommand("profile");
        Users.press(nora, "prof:age");
        nora.sendText("21");
        nora.awaitMessageContaining("Age: 21", WAIT);
        nora.sendCommand("find");
        nora.awaitMessageContaining("You told us you are under 18", WAIT);
        // nor does erasing her data and signing up again as an adult
        nora.sendCommand("delete_me");
        Users.press(nora, "del:confirm");
        nora.awaitMessageContaining("Your data has been deleted", WAIT);
        assertThat(luvhive.count("select count(*) from users where user_id = ?", nora.id())).isZero();
        Users.register(luvhive.database().jdbi(), nora.id(), "female", 21, Clock.systemUTC().instant());
        nora.sendCommand("find");
        nora.awaitMessageContaining("You told us you are under 18", WAIT);

        // even waiting in the queue (as before she said it), the pairing query passes her by
        luvhive.database().jdbi().useHandle(handle -> handle.execute(
                "insert into match_queue (user_id, enqueued_at) values (?, now() - interval '1 minute')", nora.id()));
        oscar.sendCommand("cancel");
        oscar.awaitMessageContaining("Search cancelled", WAIT);
        search(oscar);
        luvhive.awaitQuiet();
        assertThat(inChat(oscar)).isFalse();
        assertThat(luvhive.count("select count(*) from chat_members where user_id = ?", nora.id())).isZero();
    }

    @Test
    void aSuspectedMinorIsReportedToAdminsAtOnceAndBannedUntilAnAppealLiftsIt() {
        SimulatedUser kid = Users.returning(luvhive, "Kid", "male", 19);
        SimulatedUser pam = Users.returning(luvhive, "Pam", "female", 21);
        Users.match(kid, pam);
        long chatId = luvhive.count("select chat_id from chat_members where user_id = ? and active", kid.id());
        pam.sendCommand("report");
        Users.press(pam, "rep:" + chatId + ":minor");
        ChatMessage alert = admin.awaitMessageContaining("🚨 Urgent: user " + kid.id(), WAIT);
        kid.sendCommand("find");
        kid.awaitMessageContaining("being reviewed by a moderator", WAIT);

        admin.press(alert, button(alert, "mod:ban:")).awaitAnswer(WAIT);
        kid.awaitMessageContaining("banned permanently", WAIT);
        kid.sendCommand("find"); // a banned user's commands go unanswered
        luvhive.awaitQuiet();
        assertThat(luvhive.count("select count(*) from match_queue where user_id = ?", kid.id())).isZero();
        kid.sendCommand("appeal", "I am 19, here is why");
        kid.awaitMessageContaining("Your appeal was sent", WAIT);
        admin.awaitMessageContaining("Appeal from user " + kid.id(), WAIT);
        admin.sendCommand("mod");
        ChatMessage kidsCase = admin.awaitMessage(message -> message.text().contains("user " + kid.id())
                && message.inlineButtons().stream().anyMatch(b -> b.callbackData().startsWith("mod:lift:")), WAIT);
        admin.press(kidsCase, button(kidsCase, "mod:lift:")).awaitAnswer(WAIT);
        kid.awaitMessageContaining("Your ban has been lifted", WAIT);
        search(kid);
    }

    private static void search(SimulatedUser user) {
        user.sendCommand("find");
        user.awaitMessageContaining("Searching for a partner", WAIT);
    }

    private static void widen(SimulatedUser user) {
        user.sendCommand("settings");
        ChatMessage settings = user.awaitMessageContaining("Wider age range: off", WAIT);
        user.press(settings, "set:wide:on").awaitAnswer(WAIT);
    }

    private static boolean inChat(SimulatedUser user) {
        return luvhive.count("select count(*) from chat_members where user_id = ? and active", user.id()) > 0;
    }

    private static String button(ChatMessage message, String prefix) {
        return message.inlineButtons().stream().map(b -> b.callbackData())
                .filter(data -> data != null && data.startsWith(prefix)).findFirst().orElseThrow();
    }
}
