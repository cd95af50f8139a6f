package org.luvhive.bot;

import ch.qos.logback.classic.LoggerContext;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Arrays;
import java.util.function.Supplier;
import org.luvhive.core.LuvhiveException;
import org.luvhive.core.bot.FeatureSettings;
import org.luvhive.core.bot.LuvhiveFeatures;
import org.luvhive.core.config.ConfigException;
import org.luvhive.core.config.ConfigLoader;
import org.luvhive.core.config.LuvhiveConfig;
import org.luvhive.core.db.DatabaseUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point of {@code luvhive-bot}: parse the configuration, build the application,
 * run until SIGTERM. Start-up failures are one line on stderr and a non-zero exit code
 * (3 configuration, 4 database, 1 anything else), the same codes as the CLI;
 * {@code --verbose} adds the stack trace. On SIGTERM intake stops, handlers and calls in
 * flight finish (bounded), what is unsent stays in the outbox, and the process exits 0.
 */
public final class BotMain {

    private static final Logger LOG = LoggerFactory.getLogger(BotMain.class);

    private BotMain() {
    }

    public static void main(String[] args) {
        boolean verbose = Arrays.asList(args).contains("--verbose");
        BotApplication application;
        try {
            ConfigLoader loader = ConfigLoader.forCurrentUser();
            application = start(loader::loadFromSystem, Clock.systemUTC(), RunnerSettings.defaults());
        } catch (ConfigException invalid) {
            invalid.problems().forEach(problem -> System.err.println("luvhive-bot: configuration: " + problem));
            System.exit(3);
            return;
        } catch (LuvhiveException | UncheckedIOException failure) {
            System.err.println("luvhive-bot: " + failure.getMessage());
            if (verbose) {
                failure.printStackTrace();
            }
            System.exit(failure instanceof DatabaseUnavailableException ? 4 : 1);
            return;
        } catch (RuntimeException unexpected) {
            // a database lost between the migration and the start of the parts, a bug: the
            // process must end (a half-started bot answers /healthz and does nothing)
            boolean database = StartFailure.isDatabaseUnreachable(unexpected);
            System.err.println("luvhive-bot: " + StartFailure.describe(unexpected));
            if (verbose) {
                unexpected.printStackTrace();
            }
            System.exit(database ? 4 : 1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("SIGTERM: stopping intake, finishing work in flight");
            application.close();
            if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
                logback.stop(); // flush before halting
            }
            // A JVM ended by SIGTERM reports 143 even after a clean shutdown; this one was clean.
            Runtime.getRuntime().halt(0);
        }, "luvhive-shutdown"));
        application.awaitShutdown();
    }

    /**
     * The production bot, as {@code luvhive-bot} runs it: the features wired into a started
     * {@link BotApplication}. Also the sandbox's way to run the real bot in its own process.
     */
    public static BotApplication start(Supplier<LuvhiveConfig> configSource, Clock clock, RunnerSettings settings) {
        LuvhiveConfig config = configSource.get();
        FeatureSettings behaviour = FeatureSettings.from(config);
        // the ban lookup is cached; moderation counts and logs its decisions
        return BotApplication.start(configSource, clock, settings.withSendConcurrency(config.sendConcurrency())
                        .withHandlerThreads(config.handlerThreads()),
                (jdbi, outbox, caches, registry, violations) ->
                new LuvhiveFeatures(jdbi, outbox, clock, behaviour, caches, registry, violations));
    }
}
