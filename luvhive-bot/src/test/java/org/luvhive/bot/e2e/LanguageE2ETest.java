package org.luvhive.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.luvhive.bot.e2e.LuvhiveUnderTest.WAIT;

import java.time.Clock;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.luvhive.core.testing.PostgresExtension;
import org.luvhive.testkit.telegram.ChatMessage;
import org.luvhive.testkit.telegram.EmulatedBot;
import org.luvhive.testkit.telegram.InlineButton;
import org.luvhive.testkit.telegram.SimulatedUser;

/**
 * The bot speaks each person's language: Telegram's {@code language_code} picks it at the
 * first {@code /start}, {@code /language} changes it, and what one partner does reaches the
 * other in the other's language. The command menu is published in every language.
 */
@ExtendWith(PostgresExtension.class)
class LanguageE2ETest {

    @RegisterExtension
    static final LuvhiveUnderTest luvhive = LuvhiveUnderTest.perClass(Clock.systemUTC(), Set.of());
    private static final EmulatedBot bot = luvhive.bot();

    @Test
    void aNewUserIsGreetedInTheirAppsLanguageAndSwitchesWithSlashLanguage() {
        SimulatedUser olga = bot.newUser(6_100_001, "Olga", "ru");
        olga.sendCommand("start");
        ChatMessage consent = olga.awaitMessageContaining("Добро пожаловать в LuvHive", WAIT);
        assertThat(consent.inlineButtons()).extracting(InlineButton::text)
                .containsExactly("✅ Согласен(на)", "📄 Прочитать политику конфиденциальности", "❌ Отказаться");
        olga.press(consent, "consent:accept").awaitAnswer(WAIT);
        ChatMessage gender = olga.awaitMessageContaining("Ваш пол?", WAIT);
        assertThat(gender.inlineButtons()).extracting(InlineButton::text).contains("👩 Женщина");
        assertThat(luvhive.count("select count(*) from users where user_id = ? and language = 'ru'", olga.id()))
                .as("the app's language is stored at registration").isEqualTo(1);

        olga.sendCommand("language");
        ChatMessage languages = olga.awaitMessageContaining("На каком языке", WAIT);
        assertThat(languages.inlineButtons()).extracting(InlineButton::text)
                .containsExactly("🇬🇧 English", "✅ 🇷🇺 Русский", "🇪🇸 Español");
        olga.press(languages, "lang:es").awaitAnswer(WAIT);
        olga.awaitMessageContaining("A partir de ahora te hablo en 🇪🇸 Español", WAIT);
        olga.sendCommand("help");
        assertThat(olga.awaitMessage(WAIT).text()).startsWith("💬 LuvHive: chat anónimo y citas");
        olga.sendText("veinte"); // still onboarding: the gender question is answered with buttons
        olga.awaitMessageContaining("Responde con los botones de arriba", WAIT);
    }

    @Test
    void eachPartnerIsToldInTheirOwnLanguage() {
        SimulatedUser ivan = Users.returning(luvhive, "Ivan", "male", 30, "ru");
        SimulatedUser lucia = Users.returning(luvhive, "Lucia", "female", 29, "es");
        ivan.sendCommand("find");
        ivan.awaitMessageContaining("Ищу собеседника", WAIT);
        lucia.sendCommand("find");
        ivan.awaitMessageContaining("Собеседник найден", WAIT);
        lucia.awaitMessageContaining("¡Pareja de chat encontrada!", WAIT);

        lucia.sendCommand("stop");
        ChatMessage ended = lucia.awaitMessageContaining("Chat terminado", WAIT);
        assertThat(ended.inlineButtons()).extracting(InlineButton::text).contains("🚩 Denunciar", "⛔ Bloquear");
        ChatMessage left = ivan.awaitMessageContaining("Собеседник покинул чат", WAIT);
        assertThat(left.inlineButtons()).extracting(InlineButton::text).contains("🚩 Пожаловаться");
    }

    @Test
    void theCommandMenuIsPublishedInEveryLanguage() {
        await().atMost(WAIT).untilAsserted(() -> assertThat(bot.commands("es").toString())
                .as("published at start-up, best-effort").contains("Conocer a alguien al azar"));
        assertThat(bot.commands().toString()).contains("Meet a random partner");
        assertThat(bot.commands("ru").toString()).contains("Найти случайного собеседника").contains("\"language\"");
        assertThat(bot.commands("de").toString()).as("a language we do not speak gets English")
                .contains("Meet a random partner");
    }
}
