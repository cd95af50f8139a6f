package org.luvhive.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.luvhive.bot.e2e.LuvhiveUnderTest.WAIT;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Jdbi;
import org.luvhive.testkit.telegram.ChatMessage;
import org.luvhive.testkit.telegram.SimulatedUser;

/** What simulated users do again and again: onboard, meet a partner. Stateless. */
final class Users {

    static final String PARTNER_FOUND = "Partner found";
    /** Ids of users made here, far from the emulator's own (which count up from its first user). */
    private static final AtomicLong IDS = new AtomicLong(5_000_000);

    private Users() {
    }

    /** The whole onboarding through the bot's own prompts and buttons, as a person taps through it. */
    static void onboard(SimulatedUser user, String gender, int age) {
        user.sendCommand("start");
        press(user, "consent:accept");
        press(user, "gender:" + gender);
        user.awaitMessageContaining("How old are you?", WAIT);
        user.sendText(String.valueOf(age));
        press(user, "age:confirm");
        user.awaitMessageContaining("Which country", WAIT);
        user.sendText("germany");
        user.awaitMessageContaining("your city", WAIT);
        user.sendText("  berlin ");
        ChatMessage interests = user.awaitMessage(message -> message.hasCallbackButton("int:done"), WAIT);
        user.press(interests, "int:music").awaitAnswer(WAIT);
        user.press(interests, "int:done");
        user.awaitMessageContaining("You're all set", WAIT);
    }

    /**
     * A user who finished onboarding on an earlier day: the profile is in the database, as
     * onboarding leaves it. Onboarding itself is tested once, in the chat flows; walking
     * every user through it would cost seven seconds each (one prompt a second).
     */
    static SimulatedUser returning(LuvhiveUnderTest luvhive, String name, String gender, int age) {
        SimulatedUser user = luvhive.bot().newUser(name);
        register(luvhive.database().jdbi(), user.id(), gender, age,
                Clock.systemUTC().instant().minus(Duration.ofDays(2))); // no new-account limit applies
        return user;
    }

    /** A returning user whose Telegram app speaks {@code language} (en, ru, es), the bot speaking it too. */
    static SimulatedUser returning(LuvhiveUnderTest luvhive, String name, String gender, int age, String language) {
        SimulatedUser user = luvhive.bot().newUser(IDS.incrementAndGet(), name, language);
        register(luvhive.database().jdbi(), user.id(), gender, age, language, Clock.systemUTC().instant());
        return user;
    }

    /** A returning user with a Telegram {@code @username}. */
    static SimulatedUser returningWithUsername(LuvhiveUnderTest luvhive, String name, String gender, int age,
                                               String username) {
        SimulatedUser user = luvhive.bot().newUser(IDS.incrementAndGet(), name, "en", username);
        register(luvhive.database().jdbi(), user.id(), gender, age, Clock.systemUTC().instant());
        return user;
    }

    static void register(Jdbi jdbi, long userId, String gender, int age, Instant now) {
        register(jdbi, userId, gender, age, "en", now);
    }

    static void register(Jdbi jdbi, long userId, String gender, int age, String language, Instant now) {
        jdbi.useHandle(handle -> handle.createUpdate("""
                        insert into users (user_id, onboarding_step, consent_at, gender, age, country, city, interests,
                                           language, created_at, updated_at)
                        values (:id, 'done', :now, :gender, :age, 'Germany', 'Berlin', 'music', :language, :now, :now)
                        """)
                .bind("id", userId).bind("now", now).bind("gender", gender).bind("age", age)
                .bind("language", language).execute());
    }

    /** Waits for the next message with a button {@code data} and presses it. */
    static ChatMessage press(SimulatedUser user, String data) {
        ChatMessage message = user.awaitMessage(candidate -> candidate.hasCallbackButton(data), WAIT);
        user.press(message, data).awaitAnswer(WAIT);
        return message;
    }

    /** {@code first} searches, then {@code second}: they meet, and both get the intro. */
    static void match(SimulatedUser first, SimulatedUser second) {
        first.sendCommand("find");
        first.awaitMessageContaining("Searching for a partner", WAIT);
        second.sendCommand("find");
        assertThat(first.awaitMessageContaining(PARTNER_FOUND, WAIT).text()).doesNotContain(second.firstName());
        assertThat(second.awaitMessageContaining(PARTNER_FOUND, WAIT).text()).doesNotContain(first.firstName());
    }
}
