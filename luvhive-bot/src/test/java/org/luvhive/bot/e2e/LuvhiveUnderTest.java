package org.luvhive.bot.e2e;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.luvhive.bot.BotApplication;
import org.luvhive.bot.RunnerSettings;
import org.luvhive.core.bot.FeatureSettings;
import org.luvhive.core.bot.LuvhiveFeatures;
import org.luvhive.core.config.ConfigLoader;
import org.luvhive.core.config.LuvhiveConfig;
import org.luvhive.core.limits.LimitsSettings;
import org.luvhive.core.limits.RateLimits;
import org.luvhive.core.settings.OpsSettings;
import org.luvhive.core.testing.PostgresExtension;
import org.luvhive.core.testing.ProgressWait;
import org.luvhive.core.testing.TestDatabase;
import org.luvhive.testkit.telegram.EmulatedBot;
import org.luvhive.testkit.telegram.EmulatorLimits;
import org.luvhive.testkit.telegram.TelegramEmulator;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * The production bot, as {@code BotMain} wires it ({@link LuvhiveFeatures} in a
 * {@link BotApplication}), polling one Bot API emulator and sharing one test database;
 * one or more instances. The limits are raised as far as the bot allows, so tests wait
 * only for what the bot never exceeds by design: one message a second into one private
 * chat (after a burst of two). Not thread-safe to start or close; the parts are.
 */
final class LuvhiveUnderTest implements AutoCloseable, BeforeAllCallback, AfterAllCallback {

    static final String TOKEN = "733733:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw8";
    /**
     * Generous: a chat receives at most one message a second, a flow waits for several, and
     * the machine may be busy with other builds.
     */
    static final Duration WAIT = Duration.ofSeconds(30);

    private final TelegramEmulator emulator;
    private final EmulatedBot bot;
    private final Clock clock;
    private final FeatureSettings behaviour;
    private final int instanceCount;
    private final List<BotApplication> instances = new ArrayList<>();
    private TestDatabase database;
    private Path ownHome;
    private LuvhiveConfig config;

    private LuvhiveUnderTest(Clock clock, FeatureSettings behaviour, int instanceCount) {
        this.clock = clock;
        this.behaviour = behaviour;
        this.instanceCount = instanceCount;
        this.emulator = TelegramEmulator.builder().limits(EmulatorLimits.unlimited()).build().start();
        this.bot = emulator.bot(TOKEN);
    }

    /**
     * One bot instance for a whole test class, registered after {@link PostgresExtension}:
     * {@code @RegisterExtension static final LuvhiveUnderTest luvhive = LuvhiveUnderTest.perClass(clock, admins);}.
     * The emulator (and so {@link #bot()}) is there from the start; the instance starts
     * before the class's {@code @BeforeAll} methods, on the class's database and a home
     * directory of its own, and stops after its {@code @AfterAll} methods.
     */
    static LuvhiveUnderTest perClass(Clock clock, FeatureSettings behaviour) {
        return new LuvhiveUnderTest(clock, behaviour, 1);
    }

    /** {@code instances} bot instances sharing the class's database, for what several instances must not do twice. */
    static LuvhiveUnderTest perClass(Clock clock, FeatureSettings behaviour, int instances) {
        return new LuvhiveUnderTest(clock, behaviour, instances);
    }

    static LuvhiveUnderTest perClass(Clock clock, Set<Long> admins) {
        return perClass(clock, FeatureSettings.defaults(admins));
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        ownHome = Files.createTempDirectory("luvhive-e2e");
        launch(PostgresExtension.database(context), ownHome);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        close();
        if (ownHome != null) {
            try (Stream<Path> paths = Files.walk(ownHome)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    /**
     * Starts {@code instances} bot instances on one emulator and the test database.
     *
     * @param clock     what every instance reads the time from (the runner's limiters too)
     * @param behaviour the bot's settings (admins, cooldowns, prices)
     */
    static LuvhiveUnderTest start(TestDatabase database, Path home, Clock clock, FeatureSettings behaviour,
                                  int instances) {
        LuvhiveUnderTest system = new LuvhiveUnderTest(clock, behaviour, instances);
        system.launch(database, home);
        return system;
    }

    private void launch(TestDatabase testDatabase, Path home) {
        this.database = testDatabase;
        new LimitsSettings(new OpsSettings(database.jdbi(), Clock.systemUTC()), new ObjectMapper())
                .store(new RateLimits("custom", RateLimits.HARD_PER_USER_CEILING, 1000, 1000, 1000, 20, true), "e2e");
        try {
            Map<String, String> environment = new HashMap<>(database.environment());
            environment.put("BOT_TOKEN", TOKEN);
            environment.put("PORT", "0"); // each instance's webhook port and management port on free ports
            environment.put("MANAGEMENT_PORT", "0");
            environment.put("TELEGRAM_API_URL", emulator.baseUrl());
            environment.put("LUVHIVE_HOME", home.toString());
            environment.put("ADMIN_IDS", behaviour.adminIds().stream().map(String::valueOf)
                    .collect(Collectors.joining(",")));
            config = new ConfigLoader(home).load(environment);
            for (int index = 0; index < instanceCount; index++) {
                instances.add(startInstance());
            }
            await().atMost(WAIT).until(bot::isLongPolling);
        } catch (RuntimeException | Error failure) {
            close();
            throw failure;
        }
    }

    private BotApplication startInstance() {
        return BotApplication.start(config, clock, RunnerSettings.defaults().withPollTimeout(Duration.ofSeconds(1)),
                (jdbi, outbox, caches, registry, violations) ->
                        new LuvhiveFeatures(jdbi, outbox, clock, behaviour, caches, registry, violations));
    }

    /**
     * Stops instance {@code index} and starts a new one in its place (same database, same
     * emulator): what it held in memory is gone, what it stored is not.
     */
    void restart(int index) {
        instances.get(index).close();
        instances.set(index, startInstance());
    }

    EmulatedBot bot() {
        return bot;
    }

    BotApplication instance(int index) {
        return instances.get(index);
    }

    /** The features an instance runs (its live moderation, for instance). */
    LuvhiveFeatures logic(int index) {
        return (LuvhiveFeatures) instances.get(index).features();
    }

    TestDatabase database() {
        return database;
    }

    /** A TelegramBots client of the bot's own, straight to the emulator: Telegram as someone else calls it. */
    TelegramClient telegram() {
        return new OkHttpTelegramClient(TOKEN, new TelegramUrl("http", "127.0.0.1", emulator.port(), false));
    }

    long count(String sql, Object... arguments) {
        return database.jdbi().withHandle(handle -> {
            var query = handle.createQuery(sql);
            for (int index = 0; index < arguments.length; index++) {
                query.bind(index, arguments[index]);
            }
            return query.mapTo(Long.class).one();
        });
    }

    /** Waits until Telegram has handed over every update, each is handled, and nothing is left to send. */
    void awaitQuiet() {
        awaitQuiet(WAIT);
    }

    void awaitQuiet(Duration atMost) {
        await().atMost(atMost).until(this::quiet);
    }

    /**
     * Waits until quiet for as long as updates get handled and messages sent; fails once
     * neither moved for {@code stall}. For scenarios with a lot of traffic.
     */
    void awaitQuietWhileProgressing(Duration stall) {
        ProgressWait.until("the bot handling and sending everything", stall, () -> count(
                "select count(*) from inbox where status in ('handled', 'skipped', 'dead')")
                + count("select count(*) from outbox where status not in ('queued', 'sending')"), this::quiet);
    }

    private boolean quiet() {
        return bot.pendingUpdateCount() == 0
                && count("select count(*) from inbox where status in ('pending', 'retry')") == 0
                && count("select count(*) from outbox where status in ('queued', 'sending')") == 0;
    }

    @Override
    public void close() {
        for (int index = instances.size() - 1; index >= 0; index--) {
            instances.get(index).close();
        }
        instances.clear();
        emulator.close();
    }
}
