package org.luvhive.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.luvhive.bot.e2e.LuvhiveUnderTest.WAIT;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.luvhive.core.testing.PostgresExtension;
import org.luvhive.testkit.telegram.ChatMessage;
import org.luvhive.testkit.telegram.MediaKind;
import org.luvhive.testkit.telegram.SimulatedUser;

/**
 * Consent-first media through the real bot: a partner's first photo waits behind "Allow
 * media in this chat?"; Allow delivers what waited, in order and blurred, and lets later
 * media straight through (and unsend still reaches it); Not now drops it, and every later
 * one, telling the sender; /settings turns the blur off; held media survive a restart of
 * the bot, delivered once.
 */
@ExtendWith(PostgresExtension.class)
class MediaConsentE2ETest {

    private static final String ASKED = "wants to send";

    private static final ShiftedClock CLOCK = new ShiftedClock();

    @RegisterExtension
    static final LuvhiveUnderTest luvhive = LuvhiveUnderTest.perClass(CLOCK, Set.of());

    @Test
    void mediaWaitsForAllowThenArrivesBlurredInOrderWithItsCaption() {
        SimulatedUser alice = Users.returning(luvhive, "Alice", "female", 27);
        SimulatedUser bob = Users.returning(luvhive, "Bob", "male", 29);
        Users.match(alice, bob);
        ArrayNode bold = new ObjectMapper().createArrayNode();
        bold.addObject().put("type", "bold").put("offset", 0).put("length", 2);
        ChatMessage lake = alice.sendMedia(MediaKind.PHOTO, "me at the lake", bold);
        ChatMessage clip = alice.sendVideo();

        ChatMessage question = bob.awaitMessageContaining(ASKED, WAIT);
        assertThat(question.text()).contains("send a photo").contains("Allow media in this chat?");
        alice.awaitMessageContaining("asked first whether to allow media", WAIT);
        alice.sendText("did it arrive?");
        bob.awaitMessageContaining("did it arrive?", WAIT); // words are never held
        luvhive.awaitQuiet();
        assertThat(media(bob)).as("nothing is shown before Bob allows it").isEmpty();

        press(bob, question, ":allow");
        alice.awaitMessageContaining("Your partner allowed media", WAIT);
        await().atMost(WAIT).until(() -> media(bob).size() == 2);
        List<ChatMessage> shown = media(bob);
        assertThat(shown).extracting(message -> message.mediaKind().orElseThrow())
                .as("in the order Alice sent them").containsExactly(MediaKind.PHOTO, MediaKind.VIDEO);
        assertThat(shown).allMatch(ChatMessage::hasMediaSpoiler);
        assertThat(shown.get(0).fileId()).isEqualTo(lake.fileId());
        assertThat(shown.get(1).fileId()).isEqualTo(clip.fileId());
        assertThat(shown.get(0).caption()).contains("me at the lake");
        assertThat(shown.get(0).json().path("caption_entities").get(0).path("type").asText()).isEqualTo("bold");

        ChatMessage gif = alice.sendAnimation(); // allowed for the rest of the chat: no second question
        await().atMost(WAIT).until(() -> media(bob).size() == 3);
        assertThat(media(bob).get(2)).satisfies(copy -> assertThat(copy.hasMediaSpoiler()).isTrue())
                .satisfies(copy -> assertThat(copy.fileId()).isEqualTo(gif.fileId()));
        assertThat(bob.received()).filteredOn(message -> message.text().contains(ASKED)).hasSize(1);

        luvhive.awaitQuiet(); // the copies are mapped: unsend reaches media shown after Allow
        alice.reply(lake.messageId(), "/unsend");
        alice.awaitMessageContaining("Unsent", WAIT);
        bob.awaitMessageContaining("Your partner unsent a message", WAIT);
        await().atMost(WAIT).until(() -> media(bob).size() == 2);

        bob.sendPhoto(); // Bob's side is asked on its own: Alice answers for what she receives
        ChatMessage aliceAsked = alice.awaitMessageContaining(ASKED, WAIT);
        press(alice, aliceAsked, ":allow");
        await().atMost(WAIT).until(() -> media(alice).stream().anyMatch(ChatMessage::hasMediaSpoiler));
    }

    @Test
    void notNowDropsWhatWaitedAndEveryLaterMediumAndTellsTheSender() {
        SimulatedUser carol = Users.returning(luvhive, "Carol", "female", 31);
        SimulatedUser dan = Users.returning(luvhive, "Dan", "male", 33);
        Users.match(carol, dan);
        carol.sendPhoto("hello");
        ChatMessage question = dan.awaitMessageContaining(ASKED, WAIT);

        press(dan, question, ":deny");
        carol.awaitMessageContaining("chose not to receive media in this chat", WAIT);
        carol.sendAnimation();
        carol.awaitMessageContaining("Not sent: your partner doesn't accept media", WAIT);
        carol.sendText("ok, words then");
        dan.awaitMessageContaining("ok, words then", WAIT);
        luvhive.awaitQuiet();
        assertThat(media(dan)).as("Dan sees no photo or GIF, ever").isEmpty();
        assertThat(luvhive.count("select count(*) from held_media")).isZero();
        assertThat(current(dan, question).inlineButtons()).as("answered once, for the whole chat").isEmpty();
    }

    @Test
    void settingsTurnTheBlurOffForTheirOwnerOnly() {
        SimulatedUser erin = Users.returning(luvhive, "Erin", "female", 25);
        SimulatedUser frank = Users.returning(luvhive, "Frank", "male", 26);
        erin.sendCommand("settings");
        ChatMessage settings = erin.awaitMessageContaining("arrive blurred: on", WAIT);
        erin.press(settings, "set:spoilers:off").awaitAnswer(WAIT);
        await().atMost(WAIT).untilAsserted(() -> assertThat(current(erin, settings).text())
                .contains("arrive blurred: off"));
        Users.match(erin, frank);

        frank.sendPhoto();
        press(erin, erin.awaitMessageContaining(ASKED, WAIT), ":allow");
        erin.sendPhoto();
        press(frank, frank.awaitMessageContaining(ASKED, WAIT), ":allow");
        await().atMost(WAIT).until(() -> media(erin).size() == 1 && media(frank).size() == 1);
        assertThat(media(erin).get(0).hasMediaSpoiler()).as("Erin turned the blur off").isFalse();
        assertThat(media(frank).get(0).hasMediaSpoiler()).as("Frank kept the default").isTrue();
    }

    @Test
    void heldMediaSurviveARestartAndAreDeliveredOnce() {
        SimulatedUser gina = Users.returning(luvhive, "Gina", "female", 35);
        SimulatedUser hal = Users.returning(luvhive, "Hal", "male", 37);
        Users.match(gina, hal);
        gina.sendPhoto("one");
        gina.sendPhoto("two");
        ChatMessage question = hal.awaitMessageContaining(ASKED, WAIT);
        luvhive.awaitQuiet();
        assertThat(luvhive.count("select count(*) from held_media")).isEqualTo(2);

        luvhive.restart(0);
        press(hal, question, ":allow");
        await().atMost(WAIT).until(() -> media(hal).size() == 2);
        luvhive.awaitQuiet();
        assertThat(media(hal)).extracting(message -> message.caption().orElse(""))
                .as("each once, in order").containsExactly("one", "two");
    }

    /** The photos, videos and GIFs the bot shows the user. */
    private static List<ChatMessage> media(SimulatedUser user) {
        return user.received().stream().filter(message -> message.mediaKind().isPresent()).toList();
    }

    private static void press(SimulatedUser user, ChatMessage question, String answer) {
        String data = question.inlineButtons().stream().map(button -> button.callbackData())
                .filter(callback -> callback != null && callback.startsWith("media:") && callback.endsWith(answer))
                .findFirst().orElseThrow();
        user.press(question, data).awaitAnswer(WAIT);
    }

    private static ChatMessage current(SimulatedUser user, ChatMessage message) {
        return user.received().stream().filter(candidate -> candidate.messageId() == message.messageId())
                .findFirst().orElseThrow();
    }
}
