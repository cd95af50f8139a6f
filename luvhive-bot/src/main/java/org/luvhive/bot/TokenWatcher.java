package org.luvhive.bot;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import org.luvhive.core.config.BotToken;
import org.luvhive.core.config.LuvhiveConfig;
import org.luvhive.core.settings.OpsSettingsListener;
import org.luvhive.core.telegram.TelegramBotsGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Swaps the running bot to a rotated token without a restart. {@code luvhive
 * rotate-token} writes the new token to the env file and announces the rotation in the
 * ops settings ({@value #KEY}, a time, never the token); this re-reads the configuration
 * and, when the token changed, builds new gateways and retires the old ones after calls in
 * flight had time to finish. Thread-safe.
 */
final class TokenWatcher implements AutoCloseable {

    static final String KEY = "token.rotated_at";
    private static final Logger LOG = LoggerFactory.getLogger(TokenWatcher.class);
    private static final Duration RETIRE_AFTER = TelegramBotsGateway.READ_TIMEOUT.plusSeconds(5);

    private final Supplier<LuvhiveConfig> configSource;
    private final Function<BotToken, TelegramBotsGateway> gatewayFactory;
    private final Function<BotToken, TelegramBotsGateway> probeFactory;
    private final AtomicReference<TelegramBotsGateway> gateway;
    private final AtomicReference<TelegramBotsGateway> probe;
    private final ScheduledExecutorService retirements = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "luvhive-token-retire");
        thread.setDaemon(true);
        return thread;
    });
    private volatile String lastSeen;

    TokenWatcher(Supplier<LuvhiveConfig> configSource, Function<BotToken, TelegramBotsGateway> gatewayFactory,
                 Function<BotToken, TelegramBotsGateway> probeFactory, AtomicReference<TelegramBotsGateway> gateway,
                 AtomicReference<TelegramBotsGateway> probe) {
        this.configSource = configSource;
        this.gatewayFactory = gatewayFactory;
        this.probeFactory = probeFactory;
        this.gateway = gateway;
        this.probe = probe;
    }

    void follow(OpsSettingsListener listener) {
        listener.subscribe(KEY, stored -> {
            String value = stored.map(setting -> setting.value()).orElse(null);
            if (lastSeen == null) {
                lastSeen = value == null ? "" : value; // what was there at start: nothing to do
                return;
            }
            if (value != null && !value.equals(lastSeen)) {
                lastSeen = value;
                reload();
            }
        });
    }

    private void reload() {
        BotToken next;
        try {
            next = configSource.get().requireBotToken();
        } catch (RuntimeException unreadable) {
            LOG.error("Token rotation announced, but the configuration cannot be read: {}", unreadable.getMessage());
            return;
        }
        BotToken current = gateway.get().token();
        if (next.equals(current)) {
            LOG.warn("Token rotation announced, but BOT_TOKEN is unchanged for this process "
                    + "(is BOT_TOKEN set in its environment? the environment wins over the env file)");
            return;
        }
        retire(gateway.getAndSet(gatewayFactory.apply(next)));
        retire(probe.getAndSet(probeFactory.apply(next)));
        LOG.info("Bot token rotated: now using {}", next.masked());
    }

    private void retire(TelegramBotsGateway old) {
        retirements.schedule(old::close, RETIRE_AFTER.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        retirements.shutdownNow();
    }
}
