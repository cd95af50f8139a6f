package org.luvhive.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.luvhive.bot.e2e.LuvhiveUnderTest.WAIT;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.luvhive.core.testing.PostgresExtension;
import org.luvhive.testkit.telegram.ChatMessage;
import org.luvhive.testkit.telegram.EmulatedBot;
import org.luvhive.testkit.telegram.SimulatedUser;

/**
 * Mutual reveal: when both partners tap Reveal each gets the other's @username (or a
 * {@code tg://user?id=} link when there is none); one side alone reveals nothing, a
 * proposal can be withdrawn, and an ended chat reveals nothing. Reopen: after /stop both
 * get "Chat again?"; both yes within 24 hours (a clock the test moves) reopens the chat, one
 * yes alone tells the other nothing, and a block cancels it.
 */
@ExtendWith(PostgresExtension.class)
class RevealAndReopenE2ETest {

    private static final String REVEALED = "your partner is";

    private static final ShiftedClock CLOCK = new ShiftedClock();

    @RegisterExtension
    static final LuvhiveUnderTest luvhive = LuvhiveUnderTest.perClass(CLOCK, Set.of());
    private static final EmulatedBot bot = luvhive.bot();

    @Test
    void whenBothTapRevealEachGetsTheOthersProfile() {
        SimulatedUser alice = Users.returningWithUsername(luvhive, "Alice", "female", 27, "alice_k");
        SimulatedUser bob = Users.returning(luvhive, "Bob", "male", 29);
        Users.match(alice, bob);

        alice.sendCommand("reveal");
        ChatMessage asked = alice.awaitMessageContaining("You proposed that you both reveal", WAIT);
        assertThat(asked.hasCallbackButton("rvl:" + chatOf(alice) + ":no")).as("withdrawable").isTrue();
        ChatMessage proposal = bob.awaitMessageContaining("Your partner proposes that you both reveal", WAIT);
        luvhive.awaitQuiet();
        assertThat(bob.received()).extracting(ChatMessage::text).as("one side alone reveals nothing")
                .noneMatch(text -> text.contains("alice_k"));
        assertThat(alice.received()).extracting(ChatMessage::text).noneMatch(text -> text.contains(REVEALED));

        bob.press(proposal, "rvl:" + chatOf(bob) + ":yes").awaitAnswer(WAIT);
        assertThat(bob.awaitMessageContaining(REVEALED, WAIT).text()).contains("@alice_k");
        ChatMessage bobsProfile = alice.awaitMessageContaining(REVEALED, WAIT);
        assertThat(bobsProfile.text()).contains("this Telegram profile").doesNotContain("@");
        JsonNode link = bobsProfile.json().path("entities").get(0);
        assertThat(link.path("type").asText()).isEqualTo("text_link");
        assertThat(link.path("url").asText()).isEqualTo("tg://user?id=" + bob.id());
        assertThat(bobsProfile.text().substring(link.path("offset").asInt(),
                link.path("offset").asInt() + link.path("length").asInt())).isEqualTo("this Telegram profile");
        assertThat(luvhive.count("select count(*) from reveal_consents")).as("consents go once used").isZero();
    }

    @Test
    void aWithdrawnProposalRevealsNothingAndNeitherDoesAnEndedChat() {
        SimulatedUser carol = Users.returningWithUsername(luvhive, "Carol", "female", 31, "carol_w");
        SimulatedUser dan = Users.returningWithUsername(luvhive, "Dan", "male", 33, "dan_d");
        Users.match(carol, dan);
        long chat = chatOf(carol);

        carol.sendCommand("reveal");
        ChatMessage asked = carol.awaitMessageContaining("You proposed", WAIT);
        ChatMessage proposal = dan.awaitMessageContaining("Your partner proposes", WAIT);
        assertThat(carol.press(asked, "rvl:" + chat + ":no").awaitAnswer(WAIT).text()).contains("You withdrew");
        dan.awaitMessageContaining("Your partner withdrew the proposal", WAIT);

        dan.press(proposal, "rvl:" + chat + ":yes").awaitAnswer(WAIT);
        dan.awaitMessageContaining("You proposed", WAIT); // now only Dan's own proposal stands
        ChatMessage dansProposal = carol.awaitMessageContaining("Your partner proposes", WAIT);
        dan.sendCommand("stop");
        carol.awaitMessageContaining("Your partner left the chat", WAIT);
        assertThat(carol.press(dansProposal, "rvl:" + chat + ":yes").awaitAnswer(WAIT).text())
                .contains("That chat is over");
        luvhive.awaitQuiet();
        assertThat(carol.received()).extracting(ChatMessage::text).noneMatch(text -> text.contains("dan_d"));
        assertThat(dan.received()).extracting(ChatMessage::text).noneMatch(text -> text.contains("carol_w"));
        assertThat(luvhive.count("select count(*) from reveal_consents where chat_id = ?", chat)).isZero();
    }

    @Test
    void whenBothSayChatAgainWithinADayTheChatReopensAndOneYesAloneTellsTheOtherNothing() {
        SimulatedUser erin = Users.returning(luvhive, "Erin", "female", 25);
        SimulatedUser finn = Users.returning(luvhive, "Finn", "male", 26);
        Users.match(erin, finn);
        long chat = chatOf(erin);
        erin.sendCommand("stop");
        String again = "again:" + chat;
        ChatMessage erinsEnd = erin.awaitMessageContaining("Chat ended", WAIT);
        ChatMessage finnsEnd = finn.awaitMessageContaining("Your partner left the chat", WAIT);
        assertThat(erinsEnd.hasCallbackButton(again)).isTrue();
        assertThat(finnsEnd.hasCallbackButton(again)).isTrue();

        erin.press(erinsEnd, again).awaitAnswer(WAIT);
        erin.awaitMessageContaining("Your partner is not told", WAIT);
        finn.press(finnsEnd, "rate:" + chat + ":up").awaitAnswer(WAIT); // rating keeps the question
        luvhive.awaitQuiet();
        assertThat(finn.received().get(finn.received().size() - 1).text()).as("nothing told to Finn")
                .contains("Your partner left the chat");
        ChatMessage stillAsking = finn.received().get(finn.received().size() - 1);
        assertThat(stillAsking.hasCallbackButton(again)).isTrue();
        assertThat(stillAsking.hasCallbackButton("rate:" + chat + ":up")).isFalse();

        CLOCK.jump(Duration.ofHours(23));
        finn.press(stillAsking, again).awaitAnswer(WAIT);
        finn.awaitMessageContaining("You both wanted to chat again", WAIT);
        erin.awaitMessageContaining("You both wanted to chat again", WAIT);
        finn.sendText("so, where were we?");
        erin.awaitMessageContaining("so, where were we?", WAIT);
        assertThat(chatOf(erin)).isEqualTo(chatOf(finn)).isNotEqualTo(chat);
    }

    @Test
    void aBlockCancelsChatAgainAndADayLaterItIsTooLate() {
        SimulatedUser ivy = Users.returning(luvhive, "Ivy", "female", 28);
        SimulatedUser jack = Users.returning(luvhive, "Jack", "male", 28);
        Users.match(ivy, jack);
        long blocked = chatOf(ivy);
        jack.sendCommand("stop");
        ChatMessage jacksEnd = jack.awaitMessageContaining("Chat ended", WAIT);
        Users.press(ivy, "again:" + blocked);
        ivy.awaitMessageContaining("Your partner is not told", WAIT);
        jack.sendCommand("block");
        jack.awaitMessageContaining("Blocked", WAIT);
        assertThat(jack.press(jacksEnd, "again:" + blocked).awaitAnswer(WAIT).text())
                .contains("cannot be reopened");

        SimulatedUser kim = Users.returning(luvhive, "Kim", "female", 35);
        SimulatedUser leo = Users.returning(luvhive, "Leo", "male", 36);
        Users.match(kim, leo);
        long late = chatOf(kim);
        leo.sendCommand("stop");
        ChatMessage leosEnd = leo.awaitMessageContaining("Chat ended", WAIT);
        Users.press(kim, "again:" + late);
        kim.awaitMessageContaining("Your partner is not told", WAIT);
        CLOCK.jump(Duration.ofHours(24).plusMinutes(1));
        assertThat(leo.press(leosEnd, "again:" + late).awaitAnswer(WAIT).text()).contains("More than 24 hours");

        luvhive.awaitQuiet();
        assertThat(luvhive.count("select count(*) from chat_members where user_id in (?, ?, ?, ?) and active",
                ivy.id(), jack.id(), kim.id(), leo.id())).as("nobody chats again").isZero();
        assertThat(ivy.received()).extracting(ChatMessage::text).noneMatch(text -> text.contains("You both wanted"));
        assertThat(kim.received()).extracting(ChatMessage::text).noneMatch(text -> text.contains("You both wanted"));
    }

    private static long chatOf(SimulatedUser user) {
        return luvhive.count("select chat_id from chat_members where user_id = ? order by chat_id desc limit 1",
                user.id());
    }
}
