package org.luvhive.testkit.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.luvhive.testkit.telegram.internal.BotApiHandler;
import org.luvhive.testkit.telegram.internal.BotDirectory;
import org.luvhive.testkit.telegram.internal.BotState;
import org.luvhive.testkit.telegram.internal.FileDownloadHandler;

/**
 * An emulator of the Telegram Bot API on 127.0.0.1: serves {@code /bot<token>/<method>}
 * and {@code /file/bot<token>/<path>} like api.telegram.org (limits, webhooks, payments
 * included), {@code /sim/...} for driving simulated users over HTTP, and at {@code /} a page
 * where a person plays several users side by side. Thread-safe. Close it to stop the server.
 *
 * <pre>{@code
 * try (TelegramEmulator emulator = TelegramEmulator.builder().build().start()) {
 *     EmulatedBot bot = emulator.bot("123456:" + "A".repeat(35));
 *     SimulatedUser alice = bot.newUser("Alice");
 *     alice.sendCommand("start");
 *     // point the bot at emulator.baseUrl() / emulator.port()
 *     alice.awaitMessageContaining("Welcome", Duration.ofSeconds(5));
 * }
 * }</pre>
 */
public final class TelegramEmulator implements AutoCloseable {
    private static final long FIRST_USER_ID = 1_000_001L;
    private static final long FIRST_GROUP_ID = -1_001_000_000_001L;
    private static final String PAGE_RESOURCES = "org/luvhive/testkit/telegram/web";
    private static final List<String> RESERVED_PREFIXES = List.of("/bot", "/file/", "/sim/", "/ui/");
    /**
     * The JDK's server leaves Nagle's algorithm on unless this is true: an answer's headers
     * and body then leave as two segments, and the body waits for the client's delayed ACK
     * (40 ms on Linux). Telegram answers at once, so a long poll's update reached the bot
     * 65 ms after the user sent it here instead of 3 ms (bench-relay's "stored" stage). The
     * JDK reads the property once, when its first server starts; an explicit value is kept.
     */
    private static final String NO_DELAY = "sun.net.httpserver.nodelay";

    private final Settings settings;
    private final ObjectMapper mapper = new ObjectMapper();
    private final AtomicLong userIds = new AtomicLong(FIRST_USER_ID);
    private final AtomicLong groupIds = new AtomicLong(FIRST_GROUP_ID);
    private final Map<BotState, EmulatedBot> emulatedBots = new ConcurrentHashMap<>();
    private final ExecutorService requestThreads = Executors.newCachedThreadPool(daemonThreads("telegram-emulator"));
    private final ExecutorService webhookThreads = Executors.newCachedThreadPool(daemonThreads("telegram-webhook"));
    private final HttpClient webhookClient;
    private final BotDirectory bots;
    private HttpServer server;

    private record Settings(int port, EmulatorLimits limits, WebhookSettings webhookSettings, Clock clock,
                            Duration paymentAnswerTimeout, boolean autoRegisterBots, int requestLogCapacity,
                            Map<String, HttpHandler> routes, List<String> pageExtensions) {
    }

    private TelegramEmulator(Settings settings) {
        this.settings = settings;
        this.webhookClient = HttpClient.newBuilder().executor(webhookThreads)
                .connectTimeout(settings.webhookSettings().requestTimeout()).build();
        this.bots = new BotDirectory(identity -> new BotState(identity, mapper, settings.clock(), settings.limits(),
                settings.webhookSettings(), webhookClient, settings.requestLogCapacity()), settings.autoRegisterBots());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Binds 127.0.0.1 and starts serving. Returns this, for try-with-resources. */
    public synchronized TelegramEmulator start() {
        if (server != null) {
            throw new IllegalStateException("already started on port " + port());
        }
        if (System.getProperty(NO_DELAY) == null) {
            System.setProperty(NO_DELAY, "true");
        }
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), settings.port()), 128);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + settings.port(), e);
        }
        server.setExecutor(requestThreads);
        // One root context: path matching of contexts differs between JDKs (string or path prefix).
        server.createContext("/", new BotApiHandler(bots, mapper, settings.clock(),
                new StaticFiles(PAGE_RESOURCES, "/ui/", mapper)));
        server.createContext("/file/", new FileDownloadHandler(bots, mapper));
        server.createContext("/sim/", new SimHttpApi(this, mapper, settings.pageExtensions()));
        settings.routes().forEach(server::createContext);
        server.start();
        return this;
    }

    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("not started");
        }
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:PORT}: the Bot API is at {@code baseUrl() + "/bot<token>/<method>"}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    /** Registers a bot (or returns the one registered with this token). */
    public EmulatedBot bot(String token) {
        return bot(token, null, null);
    }

    /** Registers a bot with a username and first name for getMe. */
    public EmulatedBot bot(String token, String username, String firstName) {
        return wrap(bots.register(token, username, firstName));
    }

    /**
     * Revokes a bot's token as BotFather does: from now on only {@code newToken} (same bot
     * id) is accepted; the old one gets 401.
     */
    public EmulatedBot rotateToken(String oldToken, String newToken) {
        return wrap(bots.rotate(oldToken, newToken));
    }

    /** A bot by its id (the digits before the colon), if registered. */
    public EmulatedBot botById(long botId) {
        BotState state = bots.findById(botId);
        if (state == null) {
            throw new IllegalArgumentException("no bot with id " + botId);
        }
        return wrap(state);
    }

    public List<EmulatedBot> bots() {
        return bots.all().stream().map(this::wrap).toList();
    }

    private EmulatedBot wrap(BotState state) {
        return emulatedBots.computeIfAbsent(state, key -> new EmulatedBot(key, userIds::getAndIncrement,
                groupIds::getAndDecrement, settings.paymentAnswerTimeout()));
    }

    public EmulatorLimits limits() {
        return settings.limits();
    }

    @Override
    public synchronized void close() {
        bots.close();
        if (server != null) {
            server.stop(0);
        }
        requestThreads.shutdownNow();
        webhookThreads.shutdownNow();
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Settings of an emulator; validated as they are set. Not thread-safe. */
    public static final class Builder {
        private int port;
        private EmulatorLimits limits = EmulatorLimits.telegramDefaults();
        private WebhookSettings webhookSettings = WebhookSettings.telegramDefaults();
        private Clock clock = Clock.systemUTC();
        private Duration paymentAnswerTimeout = Duration.ofSeconds(10);
        private boolean autoRegisterBots;
        private int requestLogCapacity = 100_000;
        private final Map<String, HttpHandler> routes = new LinkedHashMap<>();
        private final List<String> pageExtensions = new ArrayList<>();

        private Builder() {
        }

        /** 0 (the default) picks a free port. */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be 0..65535, was " + port);
            }
            this.port = port;
            return this;
        }

        public Builder limits(EmulatorLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        public Builder webhookSettings(WebhookSettings webhookSettings) {
            this.webhookSettings = Objects.requireNonNull(webhookSettings, "webhookSettings");
            return this;
        }

        /** Dates, limits and fault durations follow this clock; waiting is always in real time. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** How long a simulated payment waits for answerPreCheckoutQuery (Telegram: 10 s). */
        public Builder paymentAnswerTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("paymentAnswerTimeout must be positive, was " + timeout);
            }
            this.paymentAnswerTimeout = timeout;
            return this;
        }

        /** Accept any well-formed token on first use instead of 401 for unregistered ones. */
        public Builder autoRegisterBots(boolean autoRegister) {
            this.autoRegisterBots = autoRegister;
            return this;
        }

        /** How many calls each bot's request log keeps (oldest dropped first). */
        public Builder requestLogCapacity(int capacity) {
            if (capacity < 1) {
                throw new IllegalArgumentException("requestLogCapacity must be at least 1, was " + capacity);
            }
            this.requestLogCapacity = capacity;
            return this;
        }

        /**
         * Serves {@code handler} on the emulator's port under the folder {@code path} (e.g. {@code /sandbox/}),
         * beside the Bot API, {@code /sim} and the page; for a program that adds its own panel.
         */
        public Builder route(String path, HttpHandler handler) {
            if (!path.startsWith("/") || !path.endsWith("/") || path.equals("/")
                    || RESERVED_PREFIXES.stream().anyMatch(path::startsWith) || routes.containsKey(path)) {
                throw new IllegalArgumentException("route " + path + " is taken, or not a folder like /name/");
            }
            routes.put(path, Objects.requireNonNull(handler, "handler"));
            return this;
        }

        /**
         * A JavaScript module the page imports at start (a URL on this server, usually under a
         * {@link #route(String, HttpHandler)}); its {@code install(page)} may add panels and guides.
         */
        public Builder pageExtension(String moduleUrl) {
            if (!moduleUrl.startsWith("/")) {
                throw new IllegalArgumentException("a page extension is a path on this server, was " + moduleUrl);
            }
            pageExtensions.add(moduleUrl);
            return this;
        }

        public TelegramEmulator build() {
            return new TelegramEmulator(new Settings(port, limits, webhookSettings, clock, paymentAnswerTimeout,
                    autoRegisterBots, requestLogCapacity, Map.copyOf(routes), List.copyOf(pageExtensions)));
        }
    }
}
