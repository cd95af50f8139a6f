package org.luvhive.core.settings;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.luvhive.core.settings.internal.OpsSettingsDao;

/**
 * Reads and writes the runtime settings that bot instances and the CLI share through
 * PostgreSQL. Writes can join a caller's transaction ({@link #put(Handle, String, String, String)}),
 * so a setting and whatever it governs change together. Thread-safe.
 */
public final class OpsSettings {

    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_.-]{0,99}");

    private final Jdbi jdbi;
    private final Clock clock;

    public OpsSettings(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public Optional<OpsSetting> find(String key) {
        return jdbi.withExtension(OpsSettingsDao.class, dao -> dao.find(key));
    }

    public List<OpsSetting> all() {
        return jdbi.withExtension(OpsSettingsDao.class, OpsSettingsDao::all);
    }

    public void put(String key, String value, String updatedBy) {
        jdbi.useTransaction(handle -> put(handle, key, value, updatedBy));
    }

    /** Writes within the caller's transaction. */
    public void put(Handle handle, String key, String value, String updatedBy) {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("setting key must be lower-case letters, digits, '.', '_' or '-': " + key);
        }
        if (updatedBy == null || updatedBy.isBlank()) {
            throw new IllegalArgumentException("updatedBy must name who changed the setting");
        }
        handle.attach(OpsSettingsDao.class).put(key, value, clock.instant(), updatedBy);
    }

    public boolean delete(String key) {
        return jdbi.withExtension(OpsSettingsDao.class, dao -> dao.delete(key)) > 0;
    }
}
