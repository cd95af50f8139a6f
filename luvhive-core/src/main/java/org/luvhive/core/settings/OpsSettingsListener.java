package org.luvhive.core.settings;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies ops-setting changes in a running bot within a second: LISTENs on
 * {@code luvhive_ops_settings} over a dedicated connection (never a pooled one: a LISTEN
 * belongs to its session) and hands each changed key's new value to its subscribers.
 * After a lost connection it reconnects with back-off and re-reads every subscribed key,
 * and it re-reads them every {@code refreshEvery} of its clock anyway ({@link #FALLBACK_REFRESH}
 * in a bot), so a missed notification heals. Thread-safe.
 */
public final class OpsSettingsListener implements AutoCloseable {

    public static final String CHANNEL = "luvhive_ops_settings";
    /** How often a running bot re-reads its settings in case a notification was missed. */
    public static final Duration FALLBACK_REFRESH = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(OpsSettingsListener.class);
    private static final int POLL_MILLIS = 250;

    private final Supplier<Connection> connections;
    private final OpsSettings settings;
    private final Duration refreshEvery;
    private final Clock clock;
    private final Map<String, List<Consumer<Optional<OpsSetting>>>> subscribers = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Connection connection;

    public OpsSettingsListener(Supplier<Connection> connections, OpsSettings settings, Duration refreshEvery,
                               Clock clock) {
        this.connections = connections;
        this.settings = settings;
        this.refreshEvery = refreshEvery;
        this.clock = clock;
        this.thread = new Thread(this::run, "luvhive-ops-settings-listener");
        this.thread.setDaemon(true);
    }

    /** Calls {@code subscriber} with the key's value now and after every change. */
    public void subscribe(String key, Consumer<Optional<OpsSetting>> subscriber) {
        subscribers.computeIfAbsent(key, ignored -> new CopyOnWriteArrayList<>()).add(subscriber);
        subscriber.accept(settings.find(key));
    }

    public void start() {
        thread.start();
    }

    private void run() {
        Duration backoff = Duration.ofSeconds(1);
        while (running) {
            try (Connection listening = connections.get()) {
                connection = listening;
                try (Statement statement = listening.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                refreshAll(); // whatever changed while we were not listening
                backoff = Duration.ofSeconds(1);
                listen(listening.unwrap(PGConnection.class));
            } catch (SQLException | RuntimeException failure) {
                if (!running) {
                    return;
                }
                LOG.warn("Ops settings listener lost its connection ({}); reconnecting in {} s",
                        failure.getMessage(), backoff.toSeconds());
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0
                        ? Duration.ofSeconds(30) : backoff.multipliedBy(2);
            } finally {
                connection = null;
            }
        }
    }

    private void listen(PGConnection listening) throws SQLException {
        Instant nextRefresh = clock.instant().plus(refreshEvery);
        while (running) {
            PGNotification[] notifications = listening.getNotifications(POLL_MILLIS);
            if (notifications != null) {
                for (PGNotification notification : notifications) {
                    deliver(notification.getParameter());
                }
            }
            Instant now = clock.instant();
            if (!now.isBefore(nextRefresh)) {
                refreshAll();
                nextRefresh = now.plus(refreshEvery);
            }
        }
    }

    private void refreshAll() {
        subscribers.keySet().forEach(this::deliver);
    }

    private void deliver(String key) {
        List<Consumer<Optional<OpsSetting>>> keySubscribers = subscribers.get(key);
        if (keySubscribers == null) {
            return;
        }
        Optional<OpsSetting> value = settings.find(key);
        for (Consumer<Optional<OpsSetting>> subscriber : keySubscribers) {
            try {
                subscriber.accept(value);
            } catch (RuntimeException failure) {
                LOG.error("Applying ops setting '{}' failed", key, failure);
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        Connection current = connection;
        if (current != null) {
            try {
                current.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
        thread.interrupt();
        try {
            thread.join(2000);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
