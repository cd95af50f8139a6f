package org.luvhive.core.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.luvhive.core.bot.BotHarness;
import org.luvhive.core.bot.FeatureSettings;
import org.luvhive.core.testing.ManualClock;
import org.luvhive.core.testing.PostgresExtension;
import org.luvhive.core.testing.TestDatabase;

/** What a user types in a chat is for the partner, never swallowed as an answer to an old question. */
@ExtendWith(PostgresExtension.class)
class ProfileEditDuringChatTest {

    private final BotHarness bot;

    ProfileEditDuringChatTest(TestDatabase database) {
        this.bot = new BotHarness(database.jdbi(), ManualClock.at("2026-03-01T10:00:00Z"), FeatureSettings.defaults(Set.of()));
        bot.reset();
    }

    private String pending(long userId) {
        return bot.jdbi().withHandle(handle -> handle.createQuery("select pending_input from users where user_id = :id")
                .bind("id", userId).mapTo(String.class).one());
    }

    private long copiesTo(long chatId) {
        return bot.sent(chatId).stream().filter(sent -> sent.method().equals("copymessage")).count();
    }

    @Test
    void aQuestionLeftOpenBeforeTheChatIsDroppedAndTypedAnswersAreRefusedDuringIt() {
        bot.createUser(301, "female", 26, "Berlin");
        bot.createUser(302, "male", 27, "Berlin");
        bot.tap(301, "prof:city");
        assertThat(pending(301)).isEqualTo("profile:city");

        bot.text(301, "/find");
        bot.text(302, "/find");
        assertThat(bot.partnerOf(301)).isEqualTo(302);
        assertThat(pending(301)).as("dropped when the chat starts").isNull();
        bot.text(301, "Hamburg");
        assertThat(copiesTo(302)).as("the first message reached the partner").isEqualTo(1);

        bot.tap(301, "prof:city");
        assertThat(pending(301)).isNull();
        assertThat(bot.last(301, "answercallbackquery").orElseThrow().payload().path("text").asText())
                .contains("You're in a chat");
        bot.text(301, "Munich");
        assertThat(copiesTo(302)).isEqualTo(2);
        String city = bot.jdbi().withHandle(handle -> handle.createQuery("select city from users where user_id = 301")
                .mapTo(String.class).one());
        assertThat(city).isEqualTo("Berlin");
    }
}
