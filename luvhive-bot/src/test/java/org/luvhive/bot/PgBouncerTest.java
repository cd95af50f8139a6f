package org.luvhive.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.luvhive.bot.testing.EchoFeatures;
import org.luvhive.bot.testing.Runners;
import org.luvhive.core.config.ConfigException;
import org.luvhive.core.config.ConfigLoader;
import org.luvhive.core.limits.LimitsSettings;
import org.luvhive.core.limits.RateLimits;
import org.luvhive.core.settings.OpsSettings;
import org.luvhive.core.testing.PgBouncer;
import org.luvhive.core.testing.PostgresExtension;
import org.luvhive.core.testing.TestDatabase;
import org.luvhive.testkit.telegram.EmulatedBot;
import org.luvhive.testkit.telegram.EmulatorLimits;
import org.luvhive.testkit.telegram.SimulatedUser;
import org.luvhive.testkit.telegram.TelegramEmulator;

/**
 * Two bot instances with DATABASE_URL pointing at PgBouncer in transaction pooling mode:
 * the pool goes through it, LISTEN and the poller's session lock take DATABASE_DIRECT_URL.
 * One polls, a relay goes through, live limits reach both within a second, and the
 * standby takes over when the poller stops.
 */
@ExtendWith(PostgresExtension.class)
class PgBouncerTest {

    private static final String TOKEN = "848484:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw8";

    @TempDir
    Path home;

    private final TestDatabase database;

    PgBouncerTest(TestDatabase database) {
        this.database = database;
    }

    private static BotApplication start(Map<String, String> environment, Path home, String instance) {
        return BotApplication.start(() -> new ConfigLoader(home).load(environment), Clock.systemUTC(),
                RunnerSettings.defaults().withPollTimeout(Duration.ofSeconds(1)).withShutdownGrace(Duration.ofSeconds(2))
                        .withInstance(instance),
                (jdbi, outbox, caches, registry, violations) -> new EchoFeatures());
    }

    @Test
    void withoutADirectUrlTheBotRefusesToStartAndSaysWhatToSet() {
        try (PgBouncer pgbouncer = PgBouncer.inFrontOf(database.url());
             TelegramEmulator emulator = TelegramEmulator.builder().build().start()) {
            Map<String, String> environment = Runners.environment(database, emulator, TOKEN, home,
                    Map.of("DATABASE_URL", pgbouncer.url(database.url()).revealed()));

            assertThatThrownBy(() -> start(environment, home, "alone"))
                    .isInstanceOf(ConfigException.class)
                    .satisfies(failure -> assertThat(((ConfigException) failure).problems()).singleElement().asString()
                            .startsWith("DATABASE_DIRECT_URL: is required: postgresql://")
                            .contains(":" + pgbouncer.port() + "/" + database.name() + " is a transaction pooler")
                            .contains("set DATABASE_DIRECT_URL to the PostgreSQL server itself"));
        }
    }

    @Test
    void twoInstancesElectOnePollerRelayFollowLiveLimitsAndFailOver() throws Exception {
        try (PgBouncer pgbouncer = PgBouncer.inFrontOf(database.url());
             TelegramEmulator emulator = TelegramEmulator.builder().limits(EmulatorLimits.unlimited()).build().start()) {
            EmulatedBot telegram = emulator.bot(TOKEN);
            Map<String, String> environment = new HashMap<>(Runners.environment(database, emulator, TOKEN, home,
                    Map.of("DATABASE_URL", pgbouncer.url(database.url()).revealed(),
                            "DATABASE_DIRECT_URL", database.url().revealed())));
            BotApplication first = start(environment, home, "pgb-1");
            BotApplication second = null;
            try {
                second = start(environment, home, "pgb-2");
                BotApplication other = second;
                assertThat(first.database().sessionRoute().transactionPooled()).isTrue();
                await().atMost(Duration.ofSeconds(30)).until(() -> first.intake().isPoller() != other.intake().isPoller());
                // a tick or more: the standby stays a standby, exactly one polls all along
                await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(10))
                        .until(() -> first.intake().isPoller() ^ other.intake().isPoller());

                // eight messages in a row on a fast machine outrun the normal profile's inbound
                // 1.5/s burst 5 ("slow down"): room for them, set live as an operator would
                LimitsSettings limits = new LimitsSettings(new OpsSettings(database.jdbi(), Clock.systemUTC()),
                        new ObjectMapper());
                RateLimits roomy = new RateLimits("custom", 10, 20, 15, 15, 20, false);
                limits.store(roomy, "test@cli");
                await().atMost(Duration.ofSeconds(30)).until(() -> first.limits().current().equals(roomy)
                        && other.limits().current().equals(roomy));

                SimulatedUser user = telegram.newUser("Bounced");
                for (int message = 1; message <= 8; message++) { // past pgjdbc's prepareThreshold on every connection
                    user.sendText("hello " + message);
                    assertThat(user.awaitMessage(Duration.ofSeconds(20)).text()).isEqualTo("echo: hello " + message);
                }

                RateLimits changed = new RateLimits("custom", 1, 2, 7, 7, 20, false);
                limits.store(changed, "oncall@cli");
                // on the notification, well before the 30 s fallback re-read
                await().atMost(Duration.ofSeconds(10)).until(() -> first.limits().current().equals(changed)
                        && other.limits().current().equals(changed));

                BotApplication poller = first.intake().isPoller() ? first : second;
                BotApplication standby = poller == first ? second : first;
                poller.close();
                await().atMost(Duration.ofSeconds(30)).until(() -> standby.intake().isPoller());
                user.sendText("after the switch");
                assertThat(user.awaitMessage(Duration.ofSeconds(20)).text()).isEqualTo("echo: after the switch");
            } finally {
                first.close();
                if (second != null) {
                    second.close();
                }
            }
            assertThat(pgbouncer.log()).doesNotContain("ERROR");
        }
    }
}
