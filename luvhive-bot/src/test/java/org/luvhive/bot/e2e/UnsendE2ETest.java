package org.luvhive.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.luvhive.bot.e2e.LuvhiveUnderTest.WAIT;

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
 * {@code /unsend} as a reply to one's own message, or its button under "Unsend your last
 * message?", deletes its copy in the partner's chat (through the outbox) and tells both; a
 * copy older than 48 hours stays (a clock the test moves forward), and nobody unsends what
 * the other wrote.
 */
@ExtendWith(PostgresExtension.class)
class UnsendE2ETest {

    private static final ShiftedClock CLOCK = new ShiftedClock();

    @RegisterExtension
    static final LuvhiveUnderTest luvhive = LuvhiveUnderTest.perClass(CLOCK, Set.of());
    private static final EmulatedBot bot = luvhive.bot();

    @Test
    void aReplyOfSlashUnsendDeletesThePartnersCopyAndTellsBoth() {
        SimulatedUser alice = Users.returning(luvhive, "Alice", "female", 27);
        SimulatedUser bob = Users.returning(luvhive, "Bob", "male", 29);
        Users.match(alice, bob);
        ChatMessage oops = alice.sendText("my phone number is in the next one, sorry, wrong chat");
        ChatMessage copy = bob.awaitMessageContaining("wrong chat", WAIT);
        alice.sendText("still here?");
        bob.awaitMessageContaining("still here?", WAIT);

        bob.reply(copy.messageId(), "/unsend");
        bob.awaitMessageContaining("only unsend your own messages", WAIT);
        alice.sendCommand("unsend"); // without a reply: the button offers the last one, nothing goes yet
        alice.awaitMessageContaining("Unsend your last message", WAIT);

        alice.reply(oops.messageId(), "/unsend");
        alice.awaitMessageContaining("Unsent: your partner no longer sees that message", WAIT);
        bob.awaitMessageContaining("Your partner unsent a message", WAIT);
        await().atMost(WAIT).untilAsserted(() -> assertThat(bob.received()).extracting(ChatMessage::text)
                .noneMatch(text -> text.contains("wrong chat")).contains("still here?"));
        assertThat(alice.history()).extracting(ChatMessage::text).as("the sender's own message is theirs to keep")
                .anyMatch(text -> text.contains("wrong chat"));

        alice.reply(oops.messageId(), "/unsend");
        alice.awaitMessageContaining("can't be unsent", WAIT);
    }

    @Test
    void aMessageOlderThanFortyEightHoursCannotBeUnsent() {
        SimulatedUser carol = Users.returning(luvhive, "Carol", "female", 31);
        SimulatedUser dan = Users.returning(luvhive, "Dan", "male", 33);
        Users.match(carol, dan);
        ChatMessage early = carol.sendText("good morning");
        dan.awaitMessageContaining("good morning", WAIT);
        ChatMessage later = carol.sendText("good evening");
        dan.awaitMessageContaining("good evening", WAIT);
        luvhive.awaitQuiet(); // both copies are mapped before time moves

        CLOCK.jump(Duration.ofHours(47));
        carol.reply(later.messageId(), "/unsend");
        carol.awaitMessageContaining("Unsent", WAIT);
        dan.awaitMessageContaining("Your partner unsent a message", WAIT);

        CLOCK.jump(Duration.ofHours(1).plusMinutes(1));
        carol.reply(early.messageId(), "/unsend");
        carol.awaitMessageContaining("more than 48 hours old", WAIT);
        luvhive.awaitQuiet();
        assertThat(dan.received()).extracting(ChatMessage::text).contains("good morning")
                .doesNotContain("good evening");
    }

    @Test
    void theUnsendButtonTakesBackTheLastMessageItNamesAndNothingOlderThanFortyEightHours() {
        SimulatedUser ivy = Users.returning(luvhive, "Ivy", "female", 24);
        SimulatedUser jack = Users.returning(luvhive, "Jack", "male", 25);
        Users.match(ivy, jack);
        ivy.sendText("first thought");
        jack.awaitMessageContaining("first thought", WAIT);
        ivy.sendText("second thought, regretted");
        jack.awaitMessageContaining("second thought", WAIT);
        luvhive.awaitQuiet();

        ivy.sendCommand("unsend");
        ChatMessage offer = ivy.awaitMessage(message -> message.inlineButtons().stream()
                .anyMatch(button -> button.callbackData().startsWith("uns:")), WAIT);
        assertThat(offer.text()).contains("Unsend your last message");
        ivy.press(offer, offer.inlineButtons().get(0).callbackData()).awaitAnswer(WAIT);
        ivy.awaitMessageContaining("Unsent: your partner no longer sees that message", WAIT);
        jack.awaitMessageContaining("Your partner unsent a message", WAIT);
        await().atMost(WAIT).untilAsserted(() -> assertThat(jack.received()).extracting(ChatMessage::text)
                .contains("first thought").noneMatch(text -> text.contains("second thought")));

        ivy.sendCommand("unsend"); // now the last one left is the first thought
        ChatMessage older = ivy.awaitMessage(message -> message.messageId() > offer.messageId()
                && message.inlineButtons().stream().anyMatch(button -> button.callbackData().startsWith("uns:")), WAIT);
        CLOCK.jump(Duration.ofHours(48).plusMinutes(1));
        ivy.press(older, older.inlineButtons().get(0).callbackData()).awaitAnswer(WAIT);
        ivy.awaitMessageContaining("more than 48 hours old", WAIT);
        ivy.sendCommand("unsend");
        ivy.awaitMessageContaining("reply /unsend to it", WAIT); // nothing left young enough to offer
        luvhive.awaitQuiet();
        assertThat(jack.received()).extracting(ChatMessage::text).contains("first thought");
    }
}
