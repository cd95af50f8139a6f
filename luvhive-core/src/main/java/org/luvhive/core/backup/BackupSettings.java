package org.luvhive.core.backup;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.luvhive.core.config.DatabaseUrl;
import org.luvhive.core.config.LuvhiveConfig;

/**
 * Where backups and their log go, and the environment to find pg_dump in
 * ({@code LUVHIVE_PG_BIN}, {@code PATH}).
 *
 * @param backupDirectory {@code $LUVHIVE_BACKUP_DIR}
 * @param logDirectory    {@code $LUVHIVE_LOG_DIR}
 * @param environment     the process environment (or a test's)
 * @param databaseUrl     the configured database, whose password is scrubbed from anything written
 * @param embeddedDatabase the database on the embedded server, without {@code databaseUrl}
 */
public record BackupSettings(Path backupDirectory, Path logDirectory, Map<String, String> environment,
                             Optional<DatabaseUrl> databaseUrl, String embeddedDatabase) {

    public BackupSettings {
        environment = Map.copyOf(environment);
    }

    /** With the embedded server's default database. */
    public BackupSettings(Path backupDirectory, Path logDirectory, Map<String, String> environment,
                          Optional<DatabaseUrl> databaseUrl) {
        this(backupDirectory, logDirectory, environment, databaseUrl, LuvhiveConfig.DEFAULT_EMBEDDED_DATABASE);
    }

    public static BackupSettings of(LuvhiveConfig config, Map<String, String> environment) {
        return new BackupSettings(config.backupDir(), config.logDir(), environment, config.databaseUrl(),
                config.embeddedDatabase());
    }
}
