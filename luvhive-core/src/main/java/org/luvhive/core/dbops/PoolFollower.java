package org.luvhive.core.dbops;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.luvhive.core.db.ConnectionPool;
import org.luvhive.core.settings.OpsSetting;
import org.luvhive.core.settings.OpsSettingsListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running bot's side of {@link PoolControl}: resizes its pool to the stored
 * {@value PoolControl#SIZE} (its own {@code DB_POOL_SIZE} when none is stored, or one this
 * build cannot read), and replaces its connections softly each time
 * {@value PoolControl#RESET_AT} changes (not for the value found at start); then reports
 * at once, so {@code luvhive db pool} sees it done. Thread-safe.
 */
final class PoolFollower {

    private static final Logger LOG = LoggerFactory.getLogger(PoolFollower.class);

    private final ConnectionPool pool;
    private final int configuredSize;
    private final InstanceReporter reporter;
    private final Runnable reportNow;
    private final AtomicReference<String> lastReset = new AtomicReference<>();

    PoolFollower(ConnectionPool pool, int configuredSize, InstanceReporter reporter, Runnable reportNow) {
        this.pool = pool;
        this.configuredSize = configuredSize;
        this.reporter = reporter;
        this.reportNow = reportNow;
    }

    void follow(OpsSettingsListener listener) {
        listener.subscribe(PoolControl.SIZE, this::onSize);
        listener.subscribe(PoolControl.RESET_AT, this::onReset);
    }

    void onSize(Optional<OpsSetting> setting) {
        Optional<Integer> stored = setting.flatMap(value -> PoolControl.parseSize(value.value()));
        if (setting.isPresent() && stored.isEmpty()) {
            LOG.warn("Ignoring pool size '{}' set by {}: not 1 to 200; keeping DB_POOL_SIZE", setting.get().value(),
                    setting.get().updatedBy());
        }
        int size = stored.orElse(configuredSize);
        int before = pool.maximumSize();
        if (size != before) {
            pool.resize(size);
            LOG.info("Pool size {} -> {} ({})", before, size, setting.filter(value -> stored.isPresent())
                    .map(value -> "set by " + value.updatedBy() + " with luvhive db pool size")
                    .orElse("DB_POOL_SIZE"));
            reportNow.run();
        }
    }

    void onReset(Optional<OpsSetting> setting) {
        String value = setting.map(OpsSetting::value).orElse("");
        String previous = lastReset.getAndSet(value);
        if (previous == null || previous.equals(value) || setting.isEmpty()) {
            return; // the value found at start, a periodic re-read, or a deletion
        }
        pool.softReset();
        LOG.info("Pool connections replaced softly, as asked by {} at {}", setting.get().updatedBy(), value);
        try {
            reporter.resetApplied(Instant.parse(value));
        } catch (java.time.format.DateTimeParseException unreadable) {
            LOG.warn("Pool reset stamp '{}' is not an instant; the reset is done but not confirmed", value);
        }
        reportNow.run();
    }
}
