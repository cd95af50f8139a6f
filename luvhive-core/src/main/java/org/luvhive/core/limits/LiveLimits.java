package org.luvhive.core.limits;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.luvhive.core.settings.OpsSettingsListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The limits a running bot applies right now, kept current from the ops settings through
 * {@link OpsSettingsListener}: a {@code luvhive set-limits} takes effect within a second,
 * without a restart. Thread-safe.
 */
public final class LiveLimits {

    private static final Logger LOG = LoggerFactory.getLogger(LiveLimits.class);

    private final LimitsSettings settings;
    private final List<Consumer<RateLimits>> listeners = new CopyOnWriteArrayList<>();
    private volatile RateLimits current;

    public LiveLimits(LimitsSettings settings) {
        this.settings = settings;
        this.current = settings.current();
    }

    /** Fixed limits, for tests and tools that do not follow the settings. */
    public static LiveLimits fixed(RateLimits limits) {
        return new LiveLimits(null, limits);
    }

    private LiveLimits(LimitsSettings settings, RateLimits limits) {
        this.settings = settings;
        this.current = limits;
    }

    public RateLimits current() {
        return current;
    }

    /** Follows the stored value from now on. */
    public void follow(OpsSettingsListener listener) {
        listener.subscribe(LimitsSettings.KEY, stored -> apply(stored
                .map(settings::parse)
                .map(parsed -> {
                    parsed.problem().ifPresent(problem ->
                            LOG.error("Stored limits are unreadable ({}); applying the defaults", problem));
                    return parsed.limits();
                })
                .orElseGet(RateLimits::defaults)));
    }

    /** Called with the new limits after each change. */
    public void onChange(Consumer<RateLimits> listener) {
        listeners.add(listener);
    }

    void apply(RateLimits limits) {
        if (limits.equals(current)) {
            return;
        }
        RateLimits previous = current;
        current = limits;
        LOG.info("Rate limits changed from {} to {}", previous.describe(), limits.describe());
        listeners.forEach(listener -> listener.accept(limits));
    }
}
