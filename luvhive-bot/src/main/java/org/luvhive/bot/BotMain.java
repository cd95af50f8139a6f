package org.luvhive.bot;

import java.time.Clock;
import org.luvhive.core.LuvhiveException;
import org.luvhive.core.config.ConfigException;
import org.luvhive.core.config.ConfigLoader;
import org.luvhive.core.config.LuvhiveConfig;
import org.luvhive.core.db.DatabaseUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point of {@code luvhive-bot}: parse the configuration once, build the
 * application, run until SIGTERM. Start-up failures are one line on stderr and a
 * non-zero exit code (3 configuration, 4 database, 1 anything else), the same codes as
 * the CLI; {@code --verbose} adds the stack trace.
 */
public final class BotMain {

    private static final Logger LOG = LoggerFactory.getLogger(BotMain.class);

    private BotMain() {
    }

    public static void main(String[] args) {
        boolean verbose = java.util.Arrays.asList(args).contains("--verbose");
        BotApplication application;
        try {
            LuvhiveConfig config = ConfigLoader.forCurrentUser().loadFromSystem();
            var behaviour = org.luvhive.core.bot.BotSettings.from(config, config.features());
            Clock clock = Clock.systemUTC();
            application = BotApplication.start(config, clock, BotSettings.defaults(),
                    (jdbi, outbox) -> new org.luvhive.core.bot.LuvhiveBotLogic(jdbi, outbox, clock, behaviour));
        } catch (ConfigException invalid) {
            invalid.problems().forEach(problem -> System.err.println("luvhive-bot: configuration: " + problem));
            System.exit(3);
            return;
        } catch (LuvhiveException failure) {
            System.err.println("luvhive-bot: " + failure.getMessage());
            if (verbose) {
                failure.printStackTrace();
            }
            System.exit(failure instanceof DatabaseUnavailableException ? 4 : 1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("Shutting down");
            application.close();
        }, "luvhive-shutdown"));
        application.awaitShutdown();
    }
}
