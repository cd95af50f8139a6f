package org.luvhive.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.luvhive.bot.testing.EchoBotProcesses;
import org.luvhive.bot.testing.Runners;
import org.luvhive.core.testing.PostgresExtension;
import org.luvhive.core.testing.TestDatabase;
import org.luvhive.testkit.telegram.EmulatedBot;
import org.luvhive.testkit.telegram.EmulatorLimits;
import org.luvhive.testkit.telegram.SimulatedUser;
import org.luvhive.testkit.telegram.TelegramEmulator;

/**
 * Two instances in polling mode: one polls, the other stands by (seen losing the lock tick
 * after tick) and takes over when the first is killed.
 */
@ExtendWith(PostgresExtension.class)
class PollerFailoverTest {

    private static final String TOKEN = "626262:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw8";

    private final TestDatabase database;

    @TempDir
    Path home;

    PollerFailoverTest(TestDatabase database) {
        this.database = database;
    }

    @Test
    void onlyOnePollsAndAStandbyTakesOverWhenItIsKilled() throws Exception {
        try (TelegramEmulator emulator = TelegramEmulator.builder().limits(EmulatorLimits.unlimited()).build().start()) {
            EmulatedBot bot = emulator.bot(TOKEN);
            Map<String, String> environment = Runners.environment(database, emulator, TOKEN, home, Map.of());
            Process first = EchoBotProcesses.start("all", environment);
            try {
                SimulatedUser user = bot.newUser("Steady");
                user.sendText("one");
                assertThat(user.awaitMessage(Duration.ofSeconds(20)).text()).isEqualTo("echo: one");

                BotApplication standby = Runners.echo(environment, home);
                try {
                    Set<Instant> refusedTries = new HashSet<>();
                    await().atMost(Duration.ofSeconds(20)).until(() -> {
                        refusedTries.addAll(refusedLockTries());
                        return refusedTries.size() >= 3;
                    });
                    assertThat(standby.intake().isPoller()).as("the standby does not poll while the first lives").isFalse();
                    long conflictsBefore = conflicts(bot);

                    first.destroyForcibly();
                    assertThat(first.waitFor(20, TimeUnit.SECONDS)).isTrue();
                    await().atMost(Duration.ofSeconds(30)).until(() -> standby.intake().isPoller());

                    user.sendText("two");
                    assertThat(user.awaitMessage(Duration.ofSeconds(20)).text()).isEqualTo("echo: two");
                    // the dying poller's last long poll may overlap the new one once: no storm
                    assertThat(conflicts(bot) - conflictsBefore).isLessThanOrEqualTo(2);
                } finally {
                    standby.close();
                }
            } finally {
                first.destroyForcibly();
            }
        }
    }

    /**
     * When sessions not holding the poller lock last asked for it (pg_stat_activity keeps
     * each session's latest statement): one more value for every tick a standby tried and lost.
     */
    private List<Instant> refusedLockTries() {
        return database.jdbi().withHandle(handle -> handle.createQuery("""
                select a.query_start from pg_stat_activity a
                where a.query like 'select pg_try_advisory_lock(%'
                  and not exists (select 1 from pg_locks l where l.pid = a.pid and l.locktype = 'advisory' and l.granted)
                """).mapTo(Instant.class).list());
    }

    private static long conflicts(EmulatedBot bot) {
        return bot.stats().errorsByCode().getOrDefault(409, 0L);
    }
}
