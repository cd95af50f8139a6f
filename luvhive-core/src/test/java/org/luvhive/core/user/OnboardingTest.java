package org.luvhive.core.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.luvhive.core.bot.BotHarness;
import org.luvhive.core.bot.FeatureSettings;
import org.luvhive.core.testing.ManualClock;
import org.luvhive.core.testing.PostgresExtension;
import org.luvhive.core.testing.TestDatabase;
import org.luvhive.core.user.internal.UserDao;

@ExtendWith(PostgresExtension.class)
class OnboardingTest {

    private final TestDatabase database;
    private final ManualClock clock = ManualClock.at("2026-03-01T10:00:00Z");
    private final BotHarness bot;

    OnboardingTest(TestDatabase database) {
        this.database = database;
        this.bot = new BotHarness(database.jdbi(), clock, FeatureSettings.defaults(Set.of()));
    }

    private UserProfile profile(long userId) {
        return database.jdbi().withHandle(handle -> handle.attach(UserDao.class).find(userId)).orElseThrow();
    }

    @Test
    void fullOnboardingStoresANormalisedProfile() {
        bot.text(101, "/start");
        assertThat(bot.sent(101).get(0).hasButton("consent:accept")).isTrue();
        bot.tap(101, "consent:accept");
        bot.tap(101, "gender:female");
        bot.text(101, "27");
        assertThat(bot.last(101, "sendmessage").orElseThrow().hasButton("age:confirm")).isTrue();
        bot.tap(101, "age:confirm");
        bot.text(101, "  germany ");
        bot.text(101, "  new   BERLIN ");
        bot.tap(101, "int:music");
        bot.tap(101, "int:travel");
        bot.tap(101, "int:music");
        bot.tap(101, "int:done");

        UserProfile user = profile(101);
        assertThat(user.onboarded()).isTrue();
        assertThat(user.gender()).isEqualTo(Gender.FEMALE);
        assertThat(user.age()).isEqualTo(27);
        assertThat(user.country()).isEqualTo("Germany");
        assertThat(user.city()).isEqualTo("New Berlin");
        assertThat(user.interestSet()).containsExactly(Interest.TRAVEL);
        assertThat(user.consentAt()).isNotNull();
        assertThat(bot.lastText(101)).contains("/find");
    }

    @Test
    void invalidAgesAreRepromptedAndMinorsRefused() {
        bot.text(102, "/start");
        bot.tap(102, "consent:accept");
        bot.tap(102, "gender:male");
        bot.text(102, "abc");
        assertThat(bot.lastText(102)).contains("as a number");
        bot.text(102, "12");
        assertThat(bot.lastText(102)).contains("adults only");
        Integer declared = database.jdbi().withHandle(handle -> handle.createQuery(
                "select count(*) from minor_declarations where user_id = 102").mapTo(Integer.class).one());
        assertThat(declared).as("said under 18: never matched").isEqualTo(1);
        bot.text(102, "150");
        assertThat(bot.lastText(102)).contains("real age");
        assertThat(profile(102).onboardingStep()).isEqualTo(OnboardingStep.AGE);
        bot.text(102, "30");
        bot.tap(102, "age:change");
        assertThat(profile(102).onboardingStep()).isEqualTo(OnboardingStep.AGE);
        assertThat(profile(102).age()).isNull();
    }

    @Test
    void halfFinishedOnboardingResumesWithANewBotInstance() {
        bot.text(103, "/start");
        bot.tap(103, "consent:accept");
        bot.tap(103, "gender:other");
        bot.text(103, "40");

        BotHarness restarted = new BotHarness(database.jdbi(), clock, FeatureSettings.defaults(Set.of()));
        restarted.text(103, "/start");
        assertThat(restarted.last(103, "sendmessage").orElseThrow().hasButton("age:confirm")).isTrue();
        restarted.text(103, "/find");
        assertThat(restarted.lastText(103)).contains("40").contains("confirm");
    }

    @Test
    void declineKeepsNothingAndGenderCannotChange() {
        bot.text(104, "/start");
        bot.tap(104, "consent:decline");
        assertThat(bot.count("select count(*) from users where user_id = 104")).isZero();

        bot.onboard(105, "male", 33, "France", "Paris");
        bot.tap(105, "gender:female");
        assertThat(profile(105).gender()).isEqualTo(Gender.MALE);
        assertThatThrownBy(() -> database.jdbi().useHandle(handle ->
                handle.execute("update users set gender = 'female' where user_id = 105")))
                .hasMessageContaining("permanent");
    }

    @Test
    void premiumInterestsNeedPremium() {
        bot.onboard(106, "female", 22, "Spain", "Madrid");
        bot.tap(106, "int:dating");
        assertThat(profile(106).interestSet()).doesNotContain(Interest.DATING);
        bot.makePremium(106, clock.instant().plus(Duration.ofDays(1)));
        bot.tap(106, "int:dating");
        assertThat(profile(106).interestSet()).contains(Interest.DATING);
    }

    @Test
    void profileEditsAndPrivacyCommands() {
        bot.onboard(107, "male", 29, "Italy", "Rome");
        bot.tap(107, "prof:city");
        bot.text(107, "milano");
        assertThat(profile(107).city()).isEqualTo("Milano");
        bot.tap(107, "prof:age");
        bot.text(107, "17");
        assertThat(profile(107).age()).isEqualTo(29);
        bot.text(107, "31");
        assertThat(profile(107).age()).isEqualTo(31);
        bot.text(107, "/my_data");
        assertThat(bot.lastText(107)).contains("Milano").contains("never stored");
        bot.text(107, "/privacy");
        assertThat(bot.lastText(107)).contains("Not stored");
        bot.text(107, "/delete_me");
        bot.tap(107, "del:confirm");
        assertThat(bot.count("select count(*) from users where user_id = 107")).isZero();
    }
}
