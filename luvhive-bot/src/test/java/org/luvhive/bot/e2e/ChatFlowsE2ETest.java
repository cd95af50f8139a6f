package org.luvhive.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.luvhive.bot.e2e.LuvhiveUnderTest.WAIT;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.luvhive.core.bot.FeatureSettings;
import org.luvhive.core.testing.PostgresExtension;
import org.luvhive.testkit.telegram.ChatMessage;
import org.luvhive.testkit.telegram.EmulatedBot;
import org.luvhive.testkit.telegram.Fault;
import org.luvhive.testkit.telegram.InlineButton;
import org.luvhive.testkit.telegram.MediaKind;
import org.luvhive.testkit.telegram.SimulatedUser;

/**
 * What two people do with the bot, end to end: the production bot logic in the real
 * runner (long polling, inbox, router, outbox, rate-limited sender) against the Bot API
 * emulator and PostgreSQL. One runner for the class; every test has its own users. The
 * re-match cooldown is off here, so that only a block can keep two people apart.
 */
@ExtendWith(PostgresExtension.class)
class ChatFlowsE2ETest {

    private static final long ADMIN = 770_001;
    private static final List<String> CONTENT = List.of("text", "caption", "photo", "video", "animation", "sticker",
            "voice", "video_note", "audio", "document", "location", "contact");

    @RegisterExtension
    static final LuvhiveUnderTest luvhive = LuvhiveUnderTest.perClass(Clock.systemUTC(),
            FeatureSettings.defaults(Set.of(ADMIN)).withRematchCooldown(Duration.ZERO));
    private static final EmulatedBot bot = luvhive.bot();
    private static SimulatedUser admin;

    @BeforeAll
    static void start() {
        admin = bot.newUser(ADMIN, "Admin", "en");
        admin.sendCommand("start"); // the bot may only write to people who wrote to it first
        admin.awaitMessageContaining("Welcome to LuvHive", WAIT);
    }

    @AfterEach
    void nobodyLeftSearching() {
        // a test that failed half-way must not hand its waiting users to the next one
        luvhive.database().jdbi().useHandle(handle -> handle.execute("delete from match_queue"));
    }

    @Test
    void twoUsersOnboardMeetAndExchangeEveryKindOfMessageWithRepliesAndEdits() {
        SimulatedUser alice = bot.newUser("Alice");
        SimulatedUser bob = bot.newUser("Bob");
        CompletableFuture<Void> bobOnboards = CompletableFuture.runAsync(() -> Users.onboard(bob, "male", 31));

        alice.sendCommand("start");
        Users.press(alice, "consent:accept");
        Users.press(alice, "gender:female");
        alice.awaitMessageContaining("How old are you?", WAIT);
        alice.sendText("abc");
        alice.awaitMessageContaining("as a number", WAIT);
        alice.sendText("150");
        alice.awaitMessageContaining("real age between", WAIT);
        alice.sendText("27");
        alice.awaitMessageContaining("You said you are 27", WAIT);
        alice.sendCommand("start"); // a half-finished onboarding resumes where it stopped
        ChatMessage confirm = alice.awaitMessage(message -> message.hasCallbackButton("age:confirm"), WAIT);
        assertThat(confirm.text()).contains("27").contains("adults only");
        alice.press(confirm, "age:confirm").awaitAnswer(WAIT);
        alice.awaitMessageContaining("Which country", WAIT);
        alice.sendText("GERMANY");
        alice.awaitMessageContaining("your city", WAIT);
        alice.sendText("new   york");
        ChatMessage interests = alice.awaitMessage(message -> message.hasCallbackButton("int:done"), WAIT);
        assertThat(alice.press(interests, "int:dating").awaitAnswer(WAIT).text()).contains("premium");
        alice.press(interests, "int:books").awaitAnswer(WAIT);
        alice.press(interests, "int:done").awaitAnswer(WAIT);
        alice.awaitMessageContaining("You're all set", WAIT);
        alice.sendCommand("profile");
        assertThat(alice.awaitMessageContaining("Your profile", WAIT).text())
                .contains("Age: 27", "Country: Germany", "City: New York", "Books").doesNotContain("Dating");
        bobOnboards.join();

        Users.match(alice, bob);
        alice.sendPhoto("too soon");
        alice.awaitMessageContaining("new accounts can send photos and other media 10 minutes after joining", WAIT);
        // the runner reads the system clock here: the two joined an hour earlier, as far as the bot knows
        luvhive.database().jdbi().useHandle(handle -> handle.execute(
                "update users set created_at = created_at - interval '1 hour' where user_id in (?, ?)",
                alice.id(), bob.id()));
        alice.skipReceived();
        allowMedia(bob, alice); // consent-first media (MediaConsentE2ETest): each side allows the other's first
        allowMedia(alice, bob);

        List<ChatMessage> fromAlice = List.of(alice.sendText("hi there"), alice.sendPhoto("me at the lake"),
                alice.sendVideo(), alice.sendAnimation(), alice.sendSticker(), alice.sendVoice());
        List<ChatMessage> fromBob = List.of(bob.sendMedia(MediaKind.VIDEO_NOTE, null), bob.sendAudio(),
                bob.sendDocument(), bob.sendLocation(52.52, 13.405), bob.sendContact("+4930123456", "Bob"));
        List<ChatMessage> bobGot = copies(bob, fromAlice);
        copies(alice, fromBob);

        ChatMessage hiAtBob = bobGot.get(0);
        awaitRelayMapping(bob, hiAtBob);
        bob.reply(hiAtBob.messageId(), "hi yourself");
        assertThat(alice.awaitMessageContaining("hi yourself", WAIT).replyToMessageId())
                .as("the partner's reply threads under Alice's own message").contains(fromAlice.get(0).messageId());
        awaitRelayMapping(bob, bobGot.get(1));
        alice.reply(fromAlice.get(1).messageId(), "that's me");
        assertThat(bob.awaitMessageContaining("that's me", WAIT).replyToMessageId())
                .as("a reply to one's own message threads under the partner's copy").contains(bobGot.get(1).messageId());

        alice.edit(fromAlice.get(0).messageId(), "hi there, Bob");
        await().atMost(WAIT).untilAsserted(() -> assertThat(current(bob, hiAtBob))
                .satisfies(copy -> assertThat(copy.text()).isEqualTo("hi there, Bob"))
                .satisfies(copy -> assertThat(copy.isEdited()).isTrue()));

        bob.blockBot(); // a partner who blocks the bot ends the chat, and the other side is told
        alice.awaitMessageContaining("no longer reachable", WAIT);
        alice.sendText("still there?");
        alice.awaitMessageContaining("not in a chat", WAIT);
        bob.unblockBot(); // Telegram clients send /start when a user unblocks a bot
        bob.awaitMessageContaining("Welcome back", WAIT);
    }

    @Test
    void afterAChatBothRateItAndAReportReachesTheAdminWhoBans() {
        SimulatedUser carol = Users.returning(luvhive, "Carol", "other", 25);
        SimulatedUser dave = Users.returning(luvhive, "Dave", "male", 29);
        Users.match(carol, dave);
        carol.sendText("buy followers at spam.example");
        dave.awaitMessageContaining("buy followers", WAIT);

        dave.sendCommand("stop");
        ChatMessage ended = dave.awaitMessageContaining("Chat ended", WAIT);
        ChatMessage left = carol.awaitMessageContaining("Your partner left the chat", WAIT);
        String chat = ended.inlineButtons().get(0).callbackData().split(":")[1];
        assertThat(left.hasCallbackButton("rate:" + chat + ":up")).isTrue();

        assertThat(dave.press(ended, "rate:" + chat + ":down").awaitAnswer(WAIT).text()).contains("Thanks");
        assertThat(carol.press(left, "rate:" + chat + ":up").awaitAnswer(WAIT).text()).contains("Thanks");
        await().atMost(WAIT).until(() -> !current(dave, ended).hasCallbackButton("rate:" + chat + ":up"));
        assertThat(current(dave, ended).hasCallbackButton("rep:" + chat)).as("report stays possible").isTrue();
        assertThat(luvhive.count("select count(*) from ratings where chat_id = ?", Long.parseLong(chat))).isEqualTo(2);
        assertThat(luvhive.count("select count(*) from ratings where chat_id = ? and rater_id = ? and value = -1",
                Long.parseLong(chat), dave.id())).isEqualTo(1);

        dave.press(current(dave, ended), "rep:" + chat).awaitAnswer(WAIT);
        Users.press(dave, "rep:" + chat + ":spam");
        dave.awaitMessageContaining("Report sent", WAIT);
        ChatMessage notified = admin.awaitMessageContaining("New report", WAIT);
        assertThat(notified.text()).contains(String.valueOf(carol.id()));
        dave.sendText("advertised a shop");
        dave.awaitMessageContaining("details were added", WAIT);

        String reportId = notified.inlineButtons().get(0).callbackData().split(":")[2];
        assertThat(admin.press(notified, "adm:ban7:" + reportId).awaitAnswer(WAIT).text()).isEqualTo("User banned");
        carol.awaitMessageContaining("You have been banned until", WAIT);
        int before = carol.received().size();
        carol.sendCommand("find");
        luvhive.awaitQuiet();
        assertThat(carol.received()).as("a banned user is told once, then ignored").hasSize(before);
        assertThat(luvhive.count("select count(*) from match_queue where user_id = ?", carol.id())).isZero();

        admin.sendCommand("reports");
        admin.awaitMessageContaining("No open reports", WAIT);
        admin.sendCommand("unban", String.valueOf(carol.id()));
        admin.awaitMessageContaining("unbanned", WAIT);
        carol.awaitMessageContaining("ban has been lifted", WAIT);
    }

    @Test
    void aBlockedPartnerIsNeverMatchedAgain() {
        SimulatedUser erin = Users.returning(luvhive, "Erin", "female", 40);
        SimulatedUser frank = Users.returning(luvhive, "Frank", "male", 38);
        Users.match(erin, frank);
        erin.sendCommand("stop");
        frank.awaitMessageContaining("Your partner left the chat", WAIT);
        Users.match(erin, frank); // without a block, the same two can meet again

        erin.sendCommand("block");
        erin.awaitMessageContaining("Blocked", WAIT);
        frank.awaitMessageContaining("Your partner left the chat", WAIT);
        erin.sendCommand("find");
        erin.awaitMessageContaining("Searching for a partner", WAIT);
        frank.sendCommand("find");
        frank.awaitMessageContaining("Searching for a partner", WAIT);

        luvhive.instance(0).features().maintenance().stream().filter(job -> job.name().equals("match-sweep"))
                .findFirst().orElseThrow().task().run(); // the periodic sweep pairs them neither
        assertThat(luvhive.count("select count(*) from match_queue where user_id in (?, ?)", erin.id(), frank.id()))
                .isEqualTo(2);
        assertThat(luvhive.count("select count(*) from chat_members where active and user_id in (?, ?)",
                erin.id(), frank.id())).isZero();
    }

    @Test
    void filtersDecideWhoMeetsWhomAPremiumIntroSaysMoreAndNextEndsTheChat() {
        SimulatedUser henry = Users.returning(luvhive, "Henry", "male", 35);
        SimulatedUser jack = Users.returning(luvhive, "Jack", "male", 36);
        SimulatedUser iris = Users.returning(luvhive, "Iris", "female", 34);
        luvhive.database().jdbi().useHandle(handle -> handle.createUpdate(
                "update users set premium_until = now() + interval '1 day', filter_gender = 'female' where user_id = :id")
                .bind("id", henry.id()).execute());

        henry.sendCommand("find");
        henry.awaitMessageContaining("Searching for a partner", WAIT);
        jack.sendCommand("find");
        jack.awaitMessageContaining("Searching for a partner", WAIT); // Henry only wants to meet women
        iris.sendCommand("find");
        assertThat(henry.awaitMessageContaining(Users.PARTNER_FOUND, WAIT).text())
                .contains("About your partner", "Female", "34", "Shared interests: 🎵 Music");
        assertThat(iris.awaitMessageContaining(Users.PARTNER_FOUND, WAIT).text()).doesNotContain("About your partner");

        iris.sendCommand("next");
        iris.awaitMessageContaining("Chat ended", WAIT);
        henry.awaitMessageContaining("Your partner left the chat", WAIT);
        assertThat(jack.awaitMessageContaining(Users.PARTNER_FOUND, WAIT).text())
                .as("/next searches again at once").doesNotContain("About your partner");
        iris.awaitMessageContaining(Users.PARTNER_FOUND, WAIT);

        jack.sendCommand("delete_me");
        Users.press(jack, "del:confirm");
        jack.awaitMessageContaining("Your data has been deleted", WAIT);
        iris.awaitMessageContaining("Your partner left the chat", WAIT);
        assertThat(luvhive.count("select count(*) from users where user_id = ?", jack.id())).isZero();
        jack.sendCommand("my_data");
        jack.awaitMessageContaining("Nothing is stored about you", WAIT);
    }

    @Test
    void aRelayRefusedWithForbiddenEndsTheChatAndThePartnerIsTold() {
        SimulatedUser kate = Users.returning(luvhive, "Kate", "female", 22);
        SimulatedUser liam = Users.returning(luvhive, "Liam", "male", 23);
        Users.match(kate, liam);
        // Telegram answers 403 when the recipient blocked the bot and the my_chat_member update is still on its way
        bot.faults().failNextInChat(liam.id(), 1, Fault.error(403, "Forbidden: bot was blocked by the user"));
        kate.sendText("hello?");
        kate.awaitMessageContaining("no longer reachable", WAIT);
        kate.sendText("anyone?");
        kate.awaitMessageContaining("not in a chat", WAIT);
    }

    @Test
    void aUserWhoWasUnreachableIsServedAgainOnceTheyWrite() {
        SimulatedUser olivia = Users.returning(luvhive, "Olivia", "female", 24);
        olivia.sendCommand("find");
        olivia.awaitMessageContaining("Searching for a partner", WAIT);
        olivia.blockBot();
        bot.faults().failNextInChat(olivia.id(), 1, Fault.error(403, "Forbidden: bot was blocked by the user"));
        olivia.unblockBot();
        olivia.sendCommand("find"); // whatever the bot sends her first is refused once: a stale 403
        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> bot.faults().activeRules() == 0);
        // she writes once the bot has recorded the stale 403 (it does so a moment after the answer):
        // it marked her blocked, or, when it saw her /find handled after the refused message was
        // queued (the sender waits for a handling of hers under way), only parked the message
        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> luvhive.count(
                "select count(*) from outbox where chat_id = ? and status = 'parked'", olivia.id()) == 1);
        olivia.sendCommand("cancel");
        olivia.awaitMessage(WAIT); // answered at all: she is served again
        olivia.sendCommand("find");
        olivia.awaitMessageContaining("Searching for a partner", WAIT);
        assertThat(luvhive.count("select count(*) from blocked_recipients where chat_id = ?", olivia.id()))
                .as("marked blocked after writing").isZero();
    }

    @Test
    void whatAUserTypesInAChatGoesToThePartnerNeverToAnOldOrNewProfileQuestion() {
        SimulatedUser mia = Users.returning(luvhive, "Mia", "female", 26);
        SimulatedUser noah = Users.returning(luvhive, "Noah", "male", 27);
        mia.sendCommand("profile");
        Users.press(mia, "prof:city");
        mia.awaitMessageContaining("Send your new city", WAIT); // and she never answers
        Users.match(mia, noah);
        mia.sendText("Hamburg is lovely");
        noah.awaitMessageContaining("Hamburg is lovely", WAIT);

        mia.sendCommand("profile");
        ChatMessage profile = mia.awaitMessage(message -> message.hasCallbackButton("prof:city"), WAIT);
        assertThat(profile.text()).contains("City: Berlin");
        assertThat(mia.press(profile, "prof:city").awaitAnswer(WAIT).text()).contains("goes to your partner");
        mia.sendText("Munich");
        noah.awaitMessageContaining("Munich", WAIT);
        mia.sendCommand("stop");
        noah.awaitMessageContaining("Your partner left the chat", WAIT);
        assertThat(luvhive.count("select count(*) from users where user_id = ? and city = 'Berlin'", mia.id()))
                .isEqualTo(1);
    }

    @Test
    void aNonAdminCannotRunAdminCommands() {
        SimulatedUser grace = bot.newUser("Grace");
        List<String> commands = List.of("stats", "ban " + admin.id() + " 7d spam", "unban " + grace.id(), "reports",
                "refund charge-1");
        for (String command : commands) {
            grace.sendText("/" + command);
            assertThat(grace.awaitMessage(WAIT).text()).as(command).startsWith("Unknown command");
        }
        assertThat(luvhive.count("select count(*) from admin_audit where admin_id = ? and not allowed", grace.id()))
                .as("every refused attempt is audited").isEqualTo(commands.size());
        assertThat(luvhive.count("select count(*) from bans where user_id = ?", admin.id())).isZero();

        admin.sendCommand("stats");
        assertThat(admin.awaitMessageContaining("LuvHive now", WAIT).text()).contains("Users:", "Open reports:");
        // the emulator keeps the last setMyCommands whatever its scope (here an admin's), so no "not for users" check
        assertThat(bot.commands().toString()).as("the command menu published at start-up")
                .contains("\"find\"", "\"report\"");
    }

    /** Waits for the partner's copies of {@code originals}, in order, and checks each is a copy, not a forward. */
    private static List<ChatMessage> copies(SimulatedUser recipient, List<ChatMessage> originals) {
        List<ChatMessage> copies = new ArrayList<>();
        for (ChatMessage original : originals) {
            ChatMessage copy = recipient.awaitMessage(WAIT);
            for (String field : CONTENT) {
                assertThat(copy.json().get(field)).as("%s of the copy of %s", field, original)
                        .isEqualTo(original.json().get(field));
            }
            assertThat(copy.fromBot()).isTrue();
            assertThat(copy.isForwarded()).isFalse();
            copies.add(copy);
        }
        return copies;
    }

    /** {@code sender}'s first photo asks {@code receiver} to allow media in the chat; they do, and it arrives. */
    private static void allowMedia(SimulatedUser sender, SimulatedUser receiver) {
        sender.sendPhoto();
        ChatMessage question = receiver.awaitMessageContaining("Allow media in this chat?", WAIT);
        String allow = question.inlineButtons().stream().map(InlineButton::callbackData)
                .filter(data -> data.endsWith(":allow")).findFirst().orElseThrow();
        receiver.press(question, allow).awaitAnswer(WAIT);
        receiver.awaitMessage(message -> message.mediaKind().isPresent(), WAIT);
        sender.awaitMessageContaining("Your partner allowed media", WAIT);
        receiver.skipReceived();
        sender.skipReceived();
    }

    /** The relay map learns a copy's id when the send is recorded, a moment after the copy arrived. */
    private static void awaitRelayMapping(SimulatedUser recipient, ChatMessage copy) {
        await().atMost(WAIT).until(() -> luvhive.count(
                "select count(*) from relayed_messages where recipient_id = ? and copy_message_id = ?",
                recipient.id(), copy.messageId()) == 1);
    }

    private static ChatMessage current(SimulatedUser user, ChatMessage message) {
        return user.received().stream().filter(candidate -> candidate.messageId() == message.messageId())
                .findFirst().orElseThrow();
    }
}
