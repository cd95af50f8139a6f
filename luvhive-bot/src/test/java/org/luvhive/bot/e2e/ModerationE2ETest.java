package org.luvhive.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.luvhive.bot.e2e.LuvhiveUnderTest.WAIT;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.luvhive.core.moderation.LiveModeration;
import org.luvhive.core.moderation.ModerationSettings;
import org.luvhive.core.moderation.filter.ModerationPolicy;
import org.luvhive.core.moderation.filter.Strictness;
import org.luvhive.core.settings.OpsSettings;
import org.luvhive.core.testing.PostgresExtension;
import org.luvhive.core.testing.TestDatabase;
import org.luvhive.testkit.telegram.ChatMessage;
import org.luvhive.testkit.telegram.EmulatedBot;
import org.luvhive.testkit.telegram.InlineButton;
import org.luvhive.testkit.telegram.SimulatedUser;

/**
 * Moderation end to end, the production bot against the emulator: what each rule kind
 * does at each level (obfuscated forms included), the strike ladder over the runner's
 * clock, three reporters muting, and a 'minor' report alerting the admins and keeping the
 * user out of matching until an admin decides. Levels and policies are set the way the
 * CLI sets them (the settings table and its notification); the CLI's own test times that.
 */
@ExtendWith(PostgresExtension.class)
class ModerationE2ETest {

    private static final long ADMIN = 770_101;

    private static final ShiftedClock CLOCK = new ShiftedClock();

    @RegisterExtension
    static final LuvhiveUnderTest luvhive = LuvhiveUnderTest.perClass(CLOCK, Set.of(ADMIN));
    private static final EmulatedBot bot = luvhive.bot();
    private static SimulatedUser admin;
    private static ModerationSettings settings;

    @BeforeAll
    static void start(TestDatabase database) {
        settings = new ModerationSettings(new OpsSettings(database.jdbi(), CLOCK));
        admin = bot.newUser(ADMIN, "Admin", "en");
        admin.sendCommand("start");
        admin.awaitMessageContaining("Welcome to LuvHive", WAIT);
    }

    @AfterEach
    void backToNormal() {
        settings.setLevel(Strictness.NORMAL, "e2e");
        settings.resetPolicy();
        await().atMost(WAIT).until(() -> live().level() == Strictness.NORMAL
                && live().policy().ladder(Strictness.NORMAL).steps().size() > 1);
        luvhive.database().jdbi().useHandle(handle -> handle.execute("delete from match_queue"));
    }

    private static LiveModeration live() {
        return luvhive.logic(0).moderation().live();
    }

    private static void level(Strictness level) {
        settings.setLevel(level, "e2e");
        await().atMost(WAIT).until(() -> live().level() == level);
    }

    /** A pair of established users in a chat. */
    private static SimulatedUser[] pair(String first, String second) {
        SimulatedUser one = Users.returning(luvhive, first, "male", 30);
        SimulatedUser two = Users.returning(luvhive, second, "female", 30);
        Users.match(one, two);
        return new SimulatedUser[] {one, two};
    }

    /** {@code text} is not relayed: the sender is told why, and the partner gets the next message, not this one. */
    private static void blocked(SimulatedUser sender, SimulatedUser partner, String text, String why) {
        sender.sendText(text);
        assertThat(sender.awaitMessageContaining("🚫 Not sent", WAIT).text()).as(text).contains(why);
        relayed(sender, partner, "ok, next one");
        assertThat(partner.received()).extracting(ChatMessage::text).as(text).doesNotContain(text);
    }

    /** {@code text} reaches the partner. */
    private static void relayed(SimulatedUser sender, SimulatedUser partner, String text) {
        sender.sendText(text);
        partner.awaitMessage(message -> message.text().equals(text), WAIT);
    }

    @Test
    void eachRuleKindBlocksOrStrikesAsItsLevelSaysObfuscatedFormsIncluded() {
        ModerationPolicy defaults = ModerationPolicy.defaults();
        ObjectNode policy = settings.json().write(defaults);
        for (Strictness level : Strictness.values()) { // only warnings: every hit below is judged on its own
            ((ObjectNode) policy.path("levels").path(level.code())).putArray("strikes").addObject()
                    .put("at", 1).put("penalty", "warn");
        }
        settings.setPolicy(settings.json().parse(policy.toString()), "e2e");
        await().atMost(WAIT).until(() -> live().policy().ladder(Strictness.NORMAL).steps().size() == 1);
        SimulatedUser[] chat = pair("Rhea", "Sol");
        SimulatedUser rhea = chat[0];
        SimulatedUser sol = chat[1];

        blocked(rhea, sol, "join t . me / +AbCdEf123", "invite links");
        blocked(rhea, sol, "example dot com", "links are not allowed");
        blocked(rhea, sol, "add me @sunny_rhea", "usernames");
        blocked(rhea, sol, "9 8 7 6 5 4 3 2 1 0", "phone numbers");
        blocked(rhea, sol, "rhea (at) example (dot) com", "e-mail addresses");
        for (String hidden : List.of("t e l e g r a m", "𝐭𝐞𝐥𝐞𝐠𝐫𝐚𝐦", "w.h.a.t.s.a.p.p")) {
            blocked(rhea, sol, hidden, "breaks the chat rules");
        }
        relayed(rhea, sol, "do you use telegram?");
        assertThat(rhea.awaitMessageContaining("⚠️", WAIT).text()).contains("This is a warning");
        relayed(rhea, sol, "https://example.org/cats");
        rhea.awaitMessageContaining("⚠️ Links are not allowed", WAIT);

        level(Strictness.RELAXED);
        relayed(rhea, sol, "https://example.org/dogs");
        relayed(rhea, sol, "add me @sunny_rhea");
        assertThat(rhea.awaitMessageContaining("⚠️", WAIT).text()).contains("Usernames are not allowed");

        level(Strictness.STRICT);
        blocked(rhea, sol, "https://example.org/birds", "links are not allowed");
        assertThat(luvhive.count("select count(*) from moderation_decisions where user_id = ? and action = 'block'",
                rhea.id())).isEqualTo(9);
    }

    @Test
    void strikesClimbToMutesAndABanOverTheRunnersClock() {
        SimulatedUser[] chat = pair("Tom", "Uma");
        SimulatedUser tom = chat[0];
        SimulatedUser uma = chat[1];
        blocked(tom, uma, "call +49 170 1234567", "phone numbers");
        tom.sendText("call +49 170 1234567");
        assertThat(tom.awaitMessageContaining("🔇 You are muted for 10 minutes", WAIT).text()).contains("/appeal");
        tom.sendText("sorry!");
        tom.awaitMessageContaining("You are muted until", WAIT);

        luvhive.awaitQuiet();
        CLOCK.jump(Duration.ofMinutes(11));
        relayed(tom, uma, "sorry!");
        tom.sendText("call +49 170 1234567");
        tom.awaitMessageContaining("muted for 1 hour", WAIT);
        luvhive.awaitQuiet();
        CLOCK.jump(Duration.ofMinutes(61));
        tom.sendText("call +49 170 1234567");
        tom.awaitMessageContaining("muted for 24 hours", WAIT);
        luvhive.awaitQuiet();
        CLOCK.jump(Duration.ofHours(24).plusMinutes(1));
        tom.sendText("call +49 170 1234567");

        tom.awaitMessageContaining("banned permanently", WAIT);
        uma.awaitMessageContaining("partner left", WAIT);
        tom.sendCommand("appeal", "it was my own number, sorry");
        tom.awaitMessageContaining("Your appeal was sent", WAIT);
        admin.awaitMessageContaining("Appeal from user " + tom.id(), WAIT);
        admin.sendCommand("mod");
        ChatMessage tomsCase = admin.awaitMessage(message -> message.text().contains("user " + tom.id()), WAIT);
        assertThat(tomsCase.text()).contains("banned for repeated violations").contains("banned")
                .contains("Appeal: “it was my own number, sorry”");
        tom.sendCommand("appeal", "please");
        tom.awaitMessageContaining("You already appealed this ban", WAIT);

        String lift = tomsCase.inlineButtons().stream().map(button -> button.callbackData())
                .filter(data -> data.startsWith("mod:lift:")).findFirst().orElseThrow();
        admin.press(tomsCase, lift).awaitAnswer(WAIT);
        tom.awaitMessageContaining("Your ban has been lifted", WAIT);
        admin.awaitMessageContaining("Case #", WAIT);
        assertThat(luvhive.count("select count(*) from admin_audit where action = 'mod-lift'")).isOne();
        tom.sendCommand("find");
        tom.awaitMessageContaining("Searching for a partner", WAIT);
    }

    @Test
    void threeReportersWithinTenMinutesMuteTheReportedUser() {
        SimulatedUser vic = Users.returning(luvhive, "Vic", "male", 30);
        for (String name : List.of("Wes", "Xia", "Yan")) {
            SimulatedUser reporter = Users.returning(luvhive, name, "female", 30);
            Users.match(reporter, vic);
            long chat = luvhive.count("select chat_id from chat_members where user_id = ? and active", vic.id());
            reporter.sendCommand("report");
            ChatMessage reasons = reporter.awaitMessage(message -> message.hasCallbackButton("rep:" + chat + ":spam"),
                    WAIT);
            reporter.press(reasons, "rep:" + chat + ":spam").awaitAnswer(WAIT);
            reporter.awaitMessageContaining("Report sent", WAIT);
        }
        vic.awaitMessageContaining("Several people reported you", WAIT);
        admin.awaitMessageContaining("reported by 3 people", WAIT);

        SimulatedUser zed = Users.returning(luvhive, "Zed", "female", 30);
        Users.match(zed, vic);
        vic.sendText("hello, anyone?");
        vic.awaitMessageContaining("You are muted until", WAIT);
        relayed(zed, vic, "hi Vic");
        assertThat(zed.received()).extracting(ChatMessage::text).doesNotContain("hello, anyone?");

        zed.sendCommand("appeal", "nothing happened to me");
        zed.awaitMessageContaining("You have no mute or ban to appeal right now", WAIT);
        vic.sendCommand("appeal", "they were trolling me");
        vic.awaitMessageContaining("Your appeal was sent", WAIT);
        admin.awaitMessageContaining("Appeal from user " + vic.id() + " against a mute", WAIT);
        vic.sendCommand("appeal", "really");
        vic.awaitMessageContaining("You already appealed this mute", WAIT);
        assertThat(luvhive.count("select count(*) from moderation_appeals where user_id = ?", vic.id())).isOne();
    }

    @Test
    void aMinorReportAlertsTheAdminsAndKeepsTheUserOutOfMatchingUntilAnAdminDecides() {
        SimulatedUser[] chat = pair("Kid", "Ana");
        SimulatedUser kid = chat[0];
        SimulatedUser ana = chat[1];
        long chatId = luvhive.count("select chat_id from chat_members where user_id = ? and active", kid.id());
        ana.sendCommand("report");
        ChatMessage reasons = ana.awaitMessage(message -> message.hasCallbackButton("rep:" + chatId + ":minor"), WAIT);
        ana.press(reasons, "rep:" + chatId + ":minor").awaitAnswer(WAIT);

        ChatMessage alert = admin.awaitMessageContaining("🚨 Urgent: user " + kid.id(), WAIT);
        kid.sendCommand("find");
        kid.awaitMessageContaining("being reviewed by a moderator", WAIT);
        SimulatedUser bea = Users.returning(luvhive, "Bea", "female", 30);
        bea.sendCommand("find");
        bea.awaitMessageContaining("Searching for a partner", WAIT);
        assertThat(luvhive.count("select count(*) from match_queue where user_id = ?", kid.id())).isZero();

        String dismiss = alert.inlineButtons().stream().map(button -> button.callbackData())
                .filter(data -> data.startsWith("mod:dismiss:")).findFirst().orElseThrow();
        admin.press(alert, dismiss).awaitAnswer(WAIT);
        kid.awaitMessageContaining("you can search again", WAIT);
        kid.sendCommand("find");
        kid.awaitMessageContaining(Users.PARTNER_FOUND, WAIT);
        bea.awaitMessageContaining(Users.PARTNER_FOUND, WAIT);
    }

    @Test
    void theSameTextToSeveralPartnersAndSkippingPartnersTooFastAreRefused() {
        ObjectNode policy = settings.json().write(ModerationPolicy.defaults());
        ((ObjectNode) policy.path("levels").path("normal")).put("duplicate_partners", 2);
        ((ObjectNode) policy.path("levels").path("strict")).put("churn_chats", 3);
        settings.setPolicy(settings.json().parse(policy.toString()), "e2e");
        await().atMost(WAIT).until(() -> live().policy().level(Strictness.NORMAL).duplicatePartners() == 2);
        String pitch = "Hey, I have something really interesting to show you, ask me how";
        SimulatedUser[] first = pair("Quin", "Ria");
        SimulatedUser quin = first[0];
        relayed(quin, first[1], pitch);
        quin.sendCommand("stop");
        first[1].awaitMessageContaining("partner left", WAIT);
        SimulatedUser sue = Users.returning(luvhive, "Sue", "female", 30);
        Users.match(quin, sue);
        blocked(quin, sue, pitch, "the same message to several people");

        level(Strictness.STRICT);
        SimulatedUser[] second = pair("Ted", "Una");
        SimulatedUser ted = second[0];
        SimulatedUser val = Users.returning(luvhive, "Val", "female", 30);
        val.sendCommand("find");
        val.awaitMessageContaining("Searching for a partner", WAIT);
        ted.sendCommand("next");
        val.awaitMessageContaining(Users.PARTNER_FOUND, WAIT);
        SimulatedUser wyn = Users.returning(luvhive, "Wyn", "female", 30);
        wyn.sendCommand("find");
        wyn.awaitMessageContaining("Searching for a partner", WAIT);
        ted.sendCommand("next");
        ted.awaitMessageContaining("🚫 You are skipping partners very fast", WAIT);
        relayed(ted, val, "still here");
        assertThat(luvhive.count("select count(*) from match_queue where user_id = ?", wyn.id())).isOne();
    }

    @Test
    void newAccountsWaitForMediaAtStrictLockdownPausesMediaAndNewAccountsCannotSearchAndEditsAreScreened() {
        SimulatedUser nia = newAccount("Nia", Duration.ofMinutes(5));
        SimulatedUser oli = Users.returning(luvhive, "Oli", "male", 30);
        Users.match(nia, oli);
        ChatMessage greeting = oli.sendText("hi there");
        nia.awaitMessage(message -> message.text().equals("hi there"), WAIT);
        oli.edit(greeting.messageId(), "call +49 170 1234567");
        oli.awaitMessageContaining("🚫 Not sent: phone numbers", WAIT);
        oli.edit(greeting.messageId(), "hi there, friend");
        await().atMost(WAIT).until(() -> nia.received().stream()
                .anyMatch(message -> message.isEdited() && message.text().equals("hi there, friend")));
        assertThat(nia.received()).extracting(ChatMessage::text).noneMatch(text -> text.contains("170"));

        level(Strictness.STRICT);
        nia.sendPhoto("me at the lake");
        assertThat(nia.awaitMessageContaining("🚫 Not sent", WAIT).text())
                .contains("new accounts can send photos and other media 24 hours after joining");
        assertThat(luvhive.count("select count(*) from held_media")).as("a locked medium is never held").isZero();
        oli.sendPhoto("my dog");
        ChatMessage question = nia.awaitMessageContaining("Allow media in this chat?", WAIT);
        nia.press(question, question.inlineButtons().stream().map(InlineButton::callbackData)
                .filter(data -> data.endsWith(":allow")).findFirst().orElseThrow()).awaitAnswer(WAIT);
        nia.awaitMessage(message -> message.caption().filter("my dog"::equals).isPresent(), WAIT);
        relayed(nia, oli, "cute!");
        assertThat(oli.received()).noneMatch(message -> message.caption().filter("me at the lake"::equals)
                .isPresent());

        level(Strictness.LOCKDOWN);
        oli.sendPhoto("my cat");
        assertThat(oli.awaitMessageContaining("🚫 Not sent", WAIT).text()).contains("paused for everyone");
        relayed(oli, nia, "never mind");
        assertThat(nia.received()).noneMatch(message -> message.caption().filter("my cat"::equals).isPresent());
        SimulatedUser pia = newAccount("Pia", Duration.ofHours(1));
        pia.sendCommand("find");
        pia.awaitMessageContaining("New accounts cannot start a search right now", WAIT);
        assertThat(luvhive.count("select count(*) from match_queue where user_id = ?", pia.id())).isZero();
    }

    /** A user who finished onboarding {@code ago}, by the runner's clock. */
    private static SimulatedUser newAccount(String name, Duration ago) {
        SimulatedUser user = luvhive.bot().newUser(name);
        Users.register(luvhive.database().jdbi(), user.id(), "female", 30, CLOCK.instant().minus(ago));
        return user;
    }
}
