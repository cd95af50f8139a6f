package org.luvhive.sandbox;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The sandbox's command line and the bot configuration it derives from the environment.
 * The sandbox is a playground: it never reads an env file and ignores the keys that could
 * point it at production (DATABASE_URL, LUVHIVE_HOME, ...), so trying it on an operator's
 * machine cannot touch the real bot's data. Immutable.
 *
 * @param port        the page's and the emulator's port on 127.0.0.1
 * @param databaseUrl a database to use instead of the embedded one (it should be empty)
 * @param home        the sandbox's own home: embedded database, logs
 * @param help        print the usage and exit
 */
record SandboxOptions(int port, Optional<String> databaseUrl, Path home, boolean help) {

    static final String USAGE = String.join("\n",
            "Usage: luvhive-sandbox [--port N] [--database-url URL]",
            "Runs the real LuvHive bot against a Telegram emulator on this machine, with a page in the browser",
            "where you play several users side by side and watch the operator's figures.",
            "",
            "  --port N              the page's port on 127.0.0.1 (default 8081; 0 picks a free one)",
            "  --database-url URL    use this (empty) PostgreSQL database instead of a fresh embedded one",
            "  --help                show this help",
            "",
            "The embedded database starts empty on every run, under $LUVHIVE_SANDBOX_HOME",
            "(default ~/.luvhive-sandbox), with the logs. Ctrl-C stops the bot, the database and the page.");

    /** Configuration keys the sandbox sets itself, or that could lead it to production. */
    private static final Set<String> NOT_INHERITED = Set.of("DATABASE_URL", "LUVHIVE_HOME", "LUVHIVE_ENV_FILE",
            "LUVHIVE_LOG_DIR", "LUVHIVE_BACKUP_DIR", "EXTERNAL_URL", "SECRET_TOKEN", "BOT_TOKEN", "TELEGRAM_API_URL",
            "RUN_MODE");

    /** Thrown for bad usage; the message is one line for stderr. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    static SandboxOptions parse(Map<String, String> environment, Path userHome, String... args)
            throws UsageException {
        int port = 8081;
        Optional<String> databaseUrl = Optional.empty();
        boolean help = false;
        for (int index = 0; index < args.length; index++) {
            switch (args[index]) {
                case "--help", "-h" -> help = true;
                case "--port" -> port = port(value(args, ++index, "--port"));
                case "--database-url" -> databaseUrl = Optional.of(value(args, ++index, "--database-url"));
                default -> throw new UsageException("unknown argument " + args[index] + " (try --help)");
            }
        }
        String configuredHome = environment.get("LUVHIVE_SANDBOX_HOME");
        Path home = configuredHome == null || configuredHome.isBlank() ? userHome.resolve(".luvhive-sandbox")
                : Path.of(configuredHome);
        return new SandboxOptions(port, databaseUrl, home, help);
    }

    /** The bot's configuration keys: the environment's harmless ones (ADMIN_IDS, PORT, ...) plus the database. */
    Map<String, String> botEnvironment(Map<String, String> environment) {
        Map<String, String> keys = new HashMap<>();
        environment.forEach((key, value) -> {
            if (!NOT_INHERITED.contains(key)) {
                keys.put(key, value);
            }
        });
        keys.put("BOT_TOKEN", Sandbox.DEFAULT_TOKEN);
        databaseUrl.ifPresent(url -> keys.put("DATABASE_URL", url));
        return keys;
    }

    private static String value(String[] args, int index, String option) throws UsageException {
        if (index >= args.length || args[index].startsWith("--")) {
            throw new UsageException(option + " needs a value (try --help)");
        }
        return args[index];
    }

    private static int port(String raw) throws UsageException {
        try {
            int port = Integer.parseInt(raw);
            if (port < 0 || port > 65_535) {
                throw new UsageException("--port must be 0..65535, was " + raw);
            }
            return port;
        } catch (NumberFormatException e) {
            throw new UsageException("--port needs a number, was \"" + raw + "\"");
        }
    }
}
