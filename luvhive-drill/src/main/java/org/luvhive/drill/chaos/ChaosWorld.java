package org.luvhive.drill.chaos;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.luvhive.core.config.DatabaseUrl;
import org.luvhive.core.db.Database;
import org.luvhive.core.db.EmbeddedPostgresServer;
import org.luvhive.core.db.PoolSettings;
import org.luvhive.drill.world.Waits;
import org.luvhive.drill.world.World;
import org.luvhive.testkit.net.TcpProxy;
import org.luvhive.testkit.telegram.EmulatedBot;
import org.luvhive.testkit.telegram.EmulatorLimits;
import org.luvhive.testkit.telegram.TelegramEmulator;

/**
 * What a chaos run breaks, on 127.0.0.1 under a fresh home: an embedded PostgreSQL started
 * by this process, a {@link TcpProxy} between it and the bots (the database outage), the
 * Bot API emulator with Telegram's default limits, and two bot instances as separate
 * processes polling it (one long-polls, the other stands by; both send). This process
 * reads the database directly, past the proxy. Close it to stop everything and delete the
 * home. Not thread-safe to start or close.
 */
final class ChaosWorld implements AutoCloseable {

    static final String TOKEN = "717171:ChaosTokenNotSecretAAAAAAAAAAAAAAAAAAA";
    static final Duration READY_WAIT = Duration.ofSeconds(180);
    private static final String DATABASE = "luvhive";

    private final Path home;
    private final List<AutoCloseable> opened = new ArrayList<>();
    private final EmbeddedPostgresServer server;
    private final DatabaseUrl directUrl;
    private final TcpProxy proxy;
    private final TelegramEmulator emulator;
    private final EmulatedBot telegram;
    private final List<BotProcess> bots = new ArrayList<>();
    private Database database;
    private final Thread reaper = new Thread(this::reap, "chaos-reaper");

    private ChaosWorld(Path home) {
        this.home = home;
        server = EmbeddedPostgresServer.startOrAttach(home.resolve("pgdata"), DATABASE); // a new cluster: creates it
        opened.add(server);
        DatabaseUrl direct = server.databaseUrl(DATABASE);
        proxy = TcpProxy.to("127.0.0.1", direct.port());
        opened.add(proxy);
        emulator = TelegramEmulator.builder().limits(EmulatorLimits.telegramDefaults()).build().start();
        opened.add(emulator);
        telegram = emulator.bot(TOKEN, "luvhive_chaos_bot", "LuvHive");
        for (String name : List.of("a", "b")) {
            Path instanceHome = directory(home.resolve("bot-" + name));
            int publicPort = World.freePort();
            int managementPort = World.freePort();
            Map<String, String> environment = new HashMap<>();
            environment.put("DATABASE_URL", "postgresql://postgres@127.0.0.1:" + proxy.port() + "/" + DATABASE);
            environment.put("BOT_TOKEN", TOKEN);
            environment.put("TELEGRAM_API_URL", emulator.baseUrl());
            environment.put("LUVHIVE_HOME", instanceHome.toString());
            environment.put("PORT", String.valueOf(publicPort));
            environment.put("MANAGEMENT_PORT", String.valueOf(managementPort));
            bots.add(new BotProcess(name, environment, publicPort, managementPort, home.resolve("bot-" + name + ".log")));
        }
        this.directUrl = direct;
    }

    /** Starts the world and both bots, and waits until both answer {@code /readyz}. */
    static ChaosWorld start() {
        Path home;
        try {
            home = Files.createTempDirectory("luvhive-chaos-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (IOException unwritable) {
            throw new UncheckedIOException(unwritable);
        }
        ChaosWorld world = null;
        try {
            world = new ChaosWorld(home);
            ChaosWorld started = world;
            // the bots and the server are processes of their own: a run stopped short takes them along
            Runtime.getRuntime().addShutdownHook(started.reaper);
            world.bots.forEach(BotProcess::start);
            for (BotProcess bot : world.bots) {
                Waits.until("bot " + bot.name() + " is ready", READY_WAIT, bot::ready);
            }
            world.database = Database.connect(world.directUrl, PoolSettings.of(4, "luvhive-chaos"),
                    new SimpleMeterRegistry());
            Waits.until("a bot long-polls the emulator", READY_WAIT, world.telegram::isLongPolling);
            return world;
        } catch (RuntimeException | Error failure) {
            if (world != null) {
                world.close();
            } else {
                deleteHome(home);
            }
            throw failure;
        }
    }

    /** Restarts a killed bot (a new process, a new pid) and waits until it is ready. */
    void restart(BotProcess bot) {
        bot.start();
        Waits.until("bot " + bot.name() + " is ready again", READY_WAIT, bot::ready);
    }

    List<BotProcess> bots() {
        return List.copyOf(bots);
    }

    EmulatedBot telegram() {
        return telegram;
    }

    TcpProxy databaseLink() {
        return proxy;
    }

    /** The bots' database, read past the proxy. */
    Jdbi jdbi() {
        return database.jdbi();
    }

    /** What {@code luvhive} runs with against this world: the database past the proxy, no env file. */
    Map<String, String> operatorEnvironment() {
        return Map.of("DATABASE_URL", directUrl.revealed(), "BOT_TOKEN", TOKEN,
                "TELEGRAM_API_URL", emulator.baseUrl(), "LUVHIVE_HOME", home.toString(), "LUVHIVE_ENV_FILE", "");
    }

    Path home() {
        return home;
    }

    /** On an abrupt end of this JVM: the bots killed, the server stopped. */
    private void reap() {
        bots.forEach(BotProcess::killQuietly);
        server.close();
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs, or has run
        }
        try {
            bots.forEach(BotProcess::close);
            if (database != null) {
                database.close();
            }
            for (int index = opened.size() - 1; index >= 0; index--) {
                try {
                    opened.get(index).close();
                } catch (Exception ignored) {
                    // the rest is closed all the same
                }
            }
        } finally {
            deleteHome(home);
        }
    }

    private static Path directory(Path path) {
        try {
            return Files.createDirectories(path);
        } catch (IOException unwritable) {
            throw new UncheckedIOException(unwritable);
        }
    }

    private static void deleteHome(Path home) {
        if (Boolean.getBoolean("luvhive.chaos.keep")) {
            return;
        }
        try (Stream<Path> paths = Files.walk(home)) {
            paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory
        }
    }
}
