package org.luvhive.bot.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.luvhive.core.telegram.TelegramGateway;
import org.telegram.telegrambots.meta.api.methods.GetMe;

/**
 * Telegram answers {@code getMe} with our token. The answer is cached for
 * {@code cacheFor}, so probes every few seconds do not become Bot API traffic; the
 * gateway given here uses short timeouts.
 */
public final class TelegramCheck implements ReadinessCheck {

    private final Supplier<TelegramGateway> gateway;
    private final Clock clock;
    private final Duration cacheFor;
    private Result cached;
    private Instant cachedAt = Instant.MIN;

    public TelegramCheck(Supplier<TelegramGateway> gateway, Clock clock, Duration cacheFor) {
        this.gateway = gateway;
        this.clock = clock;
        this.cacheFor = cacheFor;
    }

    @Override
    public String name() {
        return "telegram";
    }

    @Override
    public synchronized Result run() {
        Instant now = clock.instant();
        if (cached != null && now.isBefore(cachedAt.plus(cacheFor))) {
            return cached;
        }
        long started = System.nanoTime();
        try {
            gateway.get().execute(new GetMe());
            cached = new Result(true, DatabaseCheck.elapsed(started), null);
        } catch (RuntimeException failure) {
            cached = new Result(false, DatabaseCheck.elapsed(started), failure.getMessage());
        }
        cachedAt = now;
        return cached;
    }
}
