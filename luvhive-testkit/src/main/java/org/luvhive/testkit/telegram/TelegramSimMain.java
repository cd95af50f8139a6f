package org.luvhive.testkit.telegram;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/**
 * The standalone emulator ({@code scripts/telegram-sim}): prints the URL it listens on and
 * serves until the process is killed. Exit code 2 for bad usage.
 */
public final class TelegramSimMain {
    static final int EXIT_USAGE = 2;

    private TelegramSimMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (System.getProperty("logback.configurationFile") == null) {
            // Before the first logger is created; the library itself ships no logback.xml.
            System.setProperty("logback.configurationFile", "org/luvhive/testkit/telegram/telegram-sim-logback.xml");
        }
        SimOptions options;
        try {
            options = SimOptions.parse(args);
        } catch (SimOptions.UsageException e) {
            System.err.println("telegram-sim: " + e.getMessage());
            System.exit(EXIT_USAGE);
            return;
        }
        if (options.help()) {
            System.out.println(SimOptions.USAGE);
            return;
        }
        TelegramEmulator emulator;
        try {
            emulator = start(options, System.out);
        } catch (RuntimeException e) {
            System.err.println("telegram-sim: " + e.getMessage() + (e.getCause() == null ? "" : ": " + e.getCause()));
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }, "telegram-sim-shutdown"));
        stopped.await();
    }

    /** Starts an emulator for {@code options} and prints where it listens. */
    static TelegramEmulator start(SimOptions options, PrintStream out) {
        TelegramEmulator emulator = TelegramEmulator.builder().port(options.port()).limits(options.limits())
                .autoRegisterBots(options.autoRegisterBots()).build().start();
        options.botTokens().forEach(emulator::bot);
        out.println("Telegram Bot API emulator listening on " + emulator.baseUrl());
        out.flush();
        return emulator;
    }
}
