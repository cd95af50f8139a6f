package org.luvhive.core.backup.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.luvhive.core.backup.DatabaseIdentity;
import org.luvhive.core.config.DatabaseUrl;

/**
 * The identity of each configured database as the last create saw it, in
 * {@code BACKUP_DIR/.luvhive-identities.json}, so that the commands that do not connect
 * (list, check, prune, a plain verify) know which sets are this database's while the
 * database is down. Keyed by this host's name and the configured {@code host:port/database}
 * (or "embedded"), so that hosts and configurations sharing a backup directory each keep
 * their own. Only create writes it, under the backup lock. A cache: a missing or unreadable
 * file means "not known", never a failure. Thread-safe.
 */
public final class IdentityCache {

    public static final String FILE_NAME = ".luvhive-identities.json";

    /** One entry: what a create saw, and when. */
    public record Entry(String systemIdentifier, String database, long oid, Instant seenAt) {

        public DatabaseIdentity identity() {
            return new DatabaseIdentity(systemIdentifier, database, oid);
        }
    }

    /** The whole file: entries by key. */
    record Entries(Map<String, Entry> databases) {

        Entries {
            databases = databases == null ? Map.of() : Map.copyOf(databases);
        }
    }

    private final Path file;
    private final ManifestJson json;
    private final String key;

    public IdentityCache(Path backupDirectory, ManifestJson json, Optional<DatabaseUrl> configured) {
        this.file = backupDirectory.resolve(FILE_NAME);
        this.json = json;
        this.key = LockHolder.hostName() + " " + configured.map(url -> url.host() + ":" + url.port() + "/"
                + url.database()).orElse("embedded");
    }

    /** This configuration's identity as the last create saw it, with when; empty when none is known. */
    public Optional<Entry> read() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(json.readValue(file, Entries.class).databases().get(key));
        } catch (RuntimeException unreadable) {
            return Optional.empty(); // the next create rewrites it
        }
    }

    /** Records what a create saw (the caller holds the backup lock). */
    public void remember(DatabaseIdentity identity, Instant seenAt) {
        Map<String, Entry> databases = new LinkedHashMap<>();
        if (Files.isRegularFile(file)) {
            try {
                databases.putAll(json.readValue(file, Entries.class).databases());
            } catch (RuntimeException unreadable) {
                // rewritten below with this entry only
            }
        }
        databases.put(key, new Entry(identity.systemIdentifier(), identity.database(), identity.oid(), seenAt));
        json.writeValue(file, new Entries(databases));
    }
}
