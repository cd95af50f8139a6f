package org.luvhive.bot.http;

import java.util.function.Supplier;
import org.luvhive.core.telegram.TelegramGateway;
import org.telegram.telegrambots.meta.api.methods.GetMe;

/**
 * Telegram answers {@code getMe} with our token. The gateway given here uses short
 * timeouts; {@link ReadinessMonitor} decides how often this runs, so probes never become
 * Bot API traffic.
 */
public final class TelegramCheck implements ReadinessCheck {

    private final Supplier<TelegramGateway> gateway;

    public TelegramCheck(Supplier<TelegramGateway> gateway) {
        this.gateway = gateway;
    }

    @Override
    public String name() {
        return "telegram";
    }

    @Override
    public Result run() {
        long started = System.nanoTime();
        try {
            gateway.get().execute(new GetMe());
            return new Result(true, DatabaseCheck.elapsed(started), null);
        } catch (RuntimeException failure) {
            return new Result(false, DatabaseCheck.elapsed(started), failure.getMessage());
        }
    }
}
