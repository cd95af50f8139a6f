package org.luvhive.drill.world;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.luvhive.bot.BotApplication;
import org.luvhive.bot.BotMain;
import org.luvhive.bot.RunnerSettings;
import org.luvhive.core.config.ConfigLoader;
import org.luvhive.testkit.telegram.EmulatedBot;
import org.luvhive.testkit.telegram.EmulatorLimits;
import org.luvhive.testkit.telegram.TelegramEmulator;
import org.luvhive.testkit.telegram.WebhookSettings;

/**
 * One drill's world, on 127.0.0.1 under a fresh home: the Bot API emulator with
 * Telegram's limits, the real bot ({@link BotMain#start}) on the embedded PostgreSQL of
 * that home, and the environment an operator's {@code luvhive} runs with (the same
 * {@code LUVHIVE_HOME}, the env file holding the token). A drill breaks it, then runs the
 * runbook's commands against it through {@link Operator}. Close it to stop everything and
 * delete the home. Not thread-safe to start or close.
 */
public final class World implements AutoCloseable {

    /** A token of the right shape; the emulator accepts it, Telegram never would. */
    public static final String TOKEN = "636363:DrillTokenNotSecretAAAAAAAAAAAAAAAAAAA";
    static final Duration WAIT = Duration.ofSeconds(60);

    private final Path home;
    private final TelegramEmulator emulator;
    private final EmulatedBot bot;
    private final Map<String, String> environment;
    private final List<BotApplication> instances = new ArrayList<>();
    private final Map<String, String> operatorVariables = new ConcurrentHashMap<>();

    private World(Path home, TelegramEmulator emulator, EmulatedBot bot, Map<String, String> environment) {
        this.home = home;
        this.emulator = emulator;
        this.bot = bot;
        this.environment = environment;
    }

    /**
     * Starts the emulator and {@code instances} bot instances polling it (the first one
     * starts the embedded server, the others share it).
     *
     * @param extra further configuration keys for the env file (PORT, EXTERNAL_URL replace the defaults)
     */
    public static World start(int instances, Map<String, String> extra) {
        Path home = createHome();
        TelegramEmulator emulator = TelegramEmulator.builder().limits(EmulatorLimits.telegramDefaults())
                .webhookSettings(WebhookSettings.fastForTests()).build().start();
        World world = null;
        try {
            EmulatedBot bot = emulator.bot(TOKEN, "luvhive_drill_bot", "LuvHive");
            int port = freePort();
            Map<String, String> keys = new LinkedHashMap<>();
            keys.put("BOT_TOKEN", TOKEN);
            keys.put("SECRET_TOKEN", "drill-secret-" + Long.toHexString(System.nanoTime()));
            keys.put("PORT", String.valueOf(port));
            keys.put("EXTERNAL_URL", "http://127.0.0.1:" + port);
            keys.putAll(extra);
            Path envFile = writeEnvFile(home.resolve("luvhive.env"), keys);
            Map<String, String> environment = new HashMap<>();
            environment.put("LUVHIVE_HOME", home.toString());
            environment.put("LUVHIVE_ENV_FILE", envFile.toString());
            environment.put("LUVHIVE_LOG_DIR", home.resolve("logs").toString());
            environment.put("TELEGRAM_API_URL", emulator.baseUrl());
            environment.put("MANAGEMENT_PORT", "0");
            world = new World(home, emulator, bot, Map.copyOf(environment));
            for (int index = 0; index < instances; index++) {
                world.startInstance();
            }
            World started = world;
            Waits.until("the bot polls the emulator", WAIT, started.bot::isLongPolling);
            return world;
        } catch (RuntimeException | Error failure) {
            if (world != null) {
                world.close();
            } else {
                emulator.close();
                deleteHome(home);
            }
            throw failure;
        }
    }

    /** The first instance serves the webhook on the env file's PORT; the others take any free port. */
    private void startInstance() {
        ConfigLoader loader = new ConfigLoader(home);
        Map<String, String> own = new HashMap<>(environment);
        if (!instances.isEmpty()) {
            own.put("PORT", "0");
        }
        RunnerSettings settings = RunnerSettings.defaults().withPollTimeout(Duration.ofSeconds(1))
                .withShutdownGrace(Duration.ofSeconds(5)).withInstance("drill-" + (instances.size() + 1));
        instances.add(BotMain.start(() -> loader.load(own), Clock.systemUTC(), settings));
    }

    /** The environment {@code luvhive} and the runbook's shell lines run with (the operator's shell). */
    public Map<String, String> environment() {
        Map<String, String> shell = new HashMap<>(environment);
        shell.putAll(operatorVariables);
        return shell;
    }

    /** Sets a variable in the operator's shell (not the bots'), e.g. a broken {@code LUVHIVE_PG_BIN}. */
    public void exportOperatorVariable(String name, String value) {
        operatorVariables.put(name, value);
    }

    public void unsetOperatorVariable(String name) {
        operatorVariables.remove(name);
    }

    public Path home() {
        return home;
    }

    public Path envFile() {
        return Path.of(environment.get("LUVHIVE_ENV_FILE"));
    }

    public Path logDirectory() {
        return Path.of(environment.get("LUVHIVE_LOG_DIR"));
    }

    public TelegramEmulator emulator() {
        return emulator;
    }

    /** The bot as Telegram (the emulator) sees it: its users, faults, limits, webhook. */
    public EmulatedBot telegram() {
        return bot;
    }

    public BotApplication instance(int index) {
        return instances.get(index);
    }

    public List<BotApplication> instances() {
        return List.copyOf(instances);
    }

    /** The bots' database, for the drill's own checks (users, chats, queues). */
    public Jdbi jdbi() {
        return instances.get(0).database().jdbi();
    }

    /**
     * A superuser's view of another database on the bots' embedded server (to drop the bots'
     * database under them, or count what a restore brought back); connections are opened per use.
     */
    public Jdbi adminJdbi(String database) {
        int port = instances.get(0).database().embeddedServer().orElseThrow().port();
        return Jdbi.create("jdbc:postgresql://127.0.0.1:" + port + "/" + database, "postgres", "");
    }

    /** How {@code luvhive} and the shell are run against this world. */
    public Operator operator() {
        return new Operator(this);
    }

    @Override
    public void close() {
        try {
            for (int index = instances.size() - 1; index >= 0; index--) {
                instances.get(index).close();
            }
        } finally {
            emulator.close();
            deleteHome(home);
        }
    }

    private static Path writeEnvFile(Path envFile, Map<String, String> keys) {
        StringBuilder lines = new StringBuilder("# the drill's bot\n");
        keys.forEach((key, value) -> lines.append(key).append('=').append(value).append('\n'));
        try {
            Files.writeString(envFile, lines);
            Files.setPosixFilePermissions(envFile, PosixFilePermissions.fromString("rw-------"));
            return envFile;
        } catch (IOException unwritable) {
            throw new UncheckedIOException(unwritable);
        }
    }

    private static Path createHome() {
        try {
            return Files.createTempDirectory("luvhive-drill-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (IOException unwritable) {
            throw new UncheckedIOException(unwritable);
        }
    }

    /** A port free right now, for a bot's PORT that must be known before it starts. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException unavailable) {
            throw new UncheckedIOException(unavailable);
        }
    }

    private static void deleteHome(Path home) {
        try (Stream<Path> paths = Files.walk(home)) {
            paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // a leftover temporary directory is harmless; the drill's outcome is what matters
        }
    }
}
