package org.luvhive.cli.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.luvhive.bot.BotApplication;
import org.luvhive.bot.BotMain;
import org.luvhive.bot.RunnerSettings;
import org.luvhive.bot.testing.Runners;
import org.luvhive.cli.CliRun;
import org.luvhive.core.bot.LuvhiveFeatures;
import org.luvhive.core.config.ConfigLoader;
import org.luvhive.core.moderation.LiveModeration;
import org.luvhive.core.moderation.filter.Rule;
import org.luvhive.core.moderation.filter.Strictness;
import org.luvhive.core.testing.PostgresExtension;
import org.luvhive.core.testing.TestDatabase;
import org.luvhive.testkit.telegram.EmulatedBot;
import org.luvhive.testkit.telegram.EmulatorLimits;
import org.luvhive.testkit.telegram.SimulatedUser;
import org.luvhive.testkit.telegram.TelegramEmulator;

/**
 * The CLI changes a running bot's moderation within a second, through the settings table
 * and its notification (no restart): the strictness level and a new rule, each proven by
 * the bot's live state and by what happens to a user's next message.
 */
@ExtendWith(PostgresExtension.class)
class ModerationLiveTest {

    private static final String TOKEN = "656565:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw8";
    /**
     * The notification's way, far under the listener's 30 s fallback re-read, so only it
     * can pass; generous because a loaded machine stretches everything. The time each
     * change took is printed (tens of milliseconds on a quiet machine).
     */
    private static final Duration NOTIFIED = Duration.ofSeconds(10);
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final TestDatabase database;

    @TempDir
    Path home;

    ModerationLiveTest(TestDatabase database) {
        this.database = database;
    }

    @Test
    void strictnessAndRulesChangedByTheCliApplyToARunningBotWithinASecond() {
        database.jdbi().useHandle(handle -> handle.execute("delete from ops_settings where key like 'moderation.%'"));
        try (TelegramEmulator emulator = TelegramEmulator.builder().limits(EmulatorLimits.unlimited()).build().start()) {
            EmulatedBot bot = emulator.bot(TOKEN);
            Map<String, String> environment = Runners.environment(database, emulator, TOKEN, home, Map.of());
            BotApplication application = BotMain.start(() -> new ConfigLoader(home).load(environment),
                    Clock.systemUTC(), RunnerSettings.defaults().withPollTimeout(Duration.ofSeconds(1)));
            try {
                LiveModeration live = ((LuvhiveFeatures) application.features()).moderation().live();
                SimulatedUser ada = established(bot, "Ada", "female");
                SimulatedUser ben = established(bot, "Ben", "male");
                ada.sendCommand("find");
                ada.awaitMessageContaining("Searching", WAIT);
                ben.sendCommand("find");
                ben.awaitMessageContaining("Partner found", WAIT);
                ada.sendText("see https://example.org");
                ben.awaitMessage(message -> message.text().equals("see https://example.org"), WAIT);
                ada.awaitMessageContaining("⚠️ Links are not allowed", WAIT);

                CliRun strict = CliRun.run(environment, home, "moderation", "strictness", "strict");
                Instant changed = Instant.now();
                assertThat(strict.exitCode()).as(strict.err()).isZero();
                await().atMost(NOTIFIED).pollInterval(Duration.ofMillis(10))
                        .until(() -> live.level() == Strictness.STRICT);
                System.out.printf("moderation strictness applied %d ms after the CLI returned%n",
                        Duration.between(changed, Instant.now()).toMillis());
                ada.sendText("see https://example.org");
                ada.awaitMessageContaining("🚫 Not sent: links are not allowed", WAIT);

                CliRun rule = CliRun.run(environment, home, "moderation", "rules", "add", "words.live-test",
                        "--kind", "words", "--severity", "high", "purple banana");
                assertThat(rule.exitCode()).as(rule.err()).isZero();
                await().atMost(NOTIFIED).pollInterval(Duration.ofMillis(10)).until(() -> live.checker().rules()
                        .stream().map(Rule::name).anyMatch("words.live-test"::equals));
                ben.sendText("a PURPLE b-a-n-a-n-a"); // Ada is muted now: two strikes
                ben.awaitMessageContaining("🚫 Not sent: that message breaks the chat rules", WAIT);

                CliRun normal = CliRun.run(environment, home, "moderation", "strictness", "normal");
                assertThat(normal.exitCode()).isZero();
                await().atMost(NOTIFIED).pollInterval(Duration.ofMillis(10))
                        .until(() -> live.level() == Strictness.NORMAL);
            } finally {
                application.close();
            }
        }
    }

    /** A user who signed up two days ago with a finished profile, as onboarding leaves it. */
    private SimulatedUser established(EmulatedBot bot, String name, String gender) {
        SimulatedUser user = bot.newUser(name);
        Instant signedUp = Instant.now().minus(Duration.ofDays(2));
        database.jdbi().useHandle(handle -> handle.createUpdate("""
                        insert into users (user_id, onboarding_step, consent_at, gender, age, country, city, interests,
                                           created_at, updated_at)
                        values (:id, 'done', :at, :gender, 30, 'Germany', 'Berlin', 'music', :at, :at)
                        """).bind("id", user.id()).bind("at", signedUp).bind("gender", gender).execute());
        return user;
    }
}
