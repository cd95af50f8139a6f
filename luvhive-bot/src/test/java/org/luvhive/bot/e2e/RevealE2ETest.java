package org.luvhive.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.luvhive.bot.e2e.LuvhiveUnderTest.WAIT;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.luvhive.core.testing.PostgresExtension;
import org.luvhive.core.testing.TestDatabase;
import org.luvhive.testkit.telegram.ChatMessage;
import org.luvhive.testkit.telegram.EmulatedBot;
import org.luvhive.testkit.telegram.SimulatedUser;

/**
 * Mutual reveal: when both partners tap Reveal each gets the other's @username (or a
 * {@code tg://user?id=} link when there is none); one side alone reveals nothing, a
 * proposal can be withdrawn, and an ended chat reveals nothing.
 */
@ExtendWith(PostgresExtension.class)
class RevealE2ETest {

    private static final String REVEALED = "your partner is";

    @TempDir
    static Path home;

    private static LuvhiveUnderTest luvhive;
    private static EmulatedBot bot;

    @BeforeAll
    static void start(TestDatabase database) {
        luvhive = LuvhiveUnderTest.start(database, home, Clock.systemUTC(), Set.of());
        bot = luvhive.bot();
    }

    @AfterAll
    static void stop() {
        if (luvhive != null) {
            luvhive.close();
        }
    }

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

    private static long chatOf(SimulatedUser user) {
        return luvhive.count("select chat_id from chat_members where user_id = ? order by chat_id desc limit 1",
                user.id());
    }
}
