package org.luvhive.sandbox;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.luvhive.core.LuvhiveException;
import org.luvhive.core.config.ConfigException;
import org.luvhive.core.db.DatabaseUnavailableException;

/**
 * {@code scripts/luvhive-sandbox}: starts the {@link Sandbox}, prints the one URL to open,
 * and runs until Ctrl-C or SIGTERM, which stop the bot, its database and the page. The
 * bot's log goes to a file, so the terminal stays readable. Exit codes as the bot's: 2 bad
 * usage, 3 configuration, 4 database, 1 anything else (a port in use, another sandbox).
 */
public final class SandboxMain {

    private SandboxMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Map<String, String> environment = System.getenv();
        SandboxOptions options;
        try {
            options = SandboxOptions.parse(environment, Path.of(System.getProperty("user.home")), args);
        } catch (SandboxOptions.UsageException usage) {
            System.err.println("luvhive-sandbox: " + usage.getMessage());
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.println(SandboxOptions.USAGE);
            return;
        }
        Path log = options.home().resolve("logs").resolve("sandbox.log");
        if (System.getProperty("logback.configurationFile") == null) {
            // Before the first logger exists: the bot's own logback.xml writes to the terminal.
            System.setProperty("luvhive.sandbox.log", log.toString());
            System.setProperty("logback.configurationFile", "org/luvhive/sandbox/sandbox-logback.xml");
        }
        SandboxHome home;
        Sandbox sandbox;
        try {
            home = SandboxHome.claim(options.home());
            if (options.databaseUrl().isEmpty()) {
                home.startWithEmptyDatabase();
            }
            sandbox = Sandbox.start(options.port(), options.botEnvironment(environment), home.directory());
        } catch (ConfigException invalid) {
            invalid.problems().forEach(problem -> System.err.println("luvhive-sandbox: configuration: " + problem));
            System.exit(3);
            return;
        } catch (LuvhiveException | IllegalStateException | UncheckedIOException failure) {
            System.err.println("luvhive-sandbox: " + failure.getMessage()
                    + (failure.getCause() == null ? "" : " (" + failure.getCause().getMessage() + ")"));
            System.exit(failure instanceof DatabaseUnavailableException ? 4 : 1);
            return;
        }
        printWelcome(sandbox, log, System.out);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("luvhive-sandbox: stopping the bot, its database and the page");
            sandbox.close();
            home.close();
            stopped.countDown();
        }, "sandbox-shutdown"));
        stopped.await();
    }

    static void printWelcome(Sandbox sandbox, Path log, PrintStream out) {
        out.println();
        out.println("LuvHive sandbox: the real bot and its database, talking to a Telegram emulator on this machine.");
        out.println();
        out.println("    Open " + sandbox.pageUrl() + " in your browser.");
        out.println();
        out.println("There, add two users, press START in both chats and follow the bot: you play both strangers,");
        out.println("side by side, and the operator panel on the right shows what the bot's operator sees.");
        out.println("The bot's log: " + log + ". Ctrl-C stops everything.");
        out.flush();
    }
}
