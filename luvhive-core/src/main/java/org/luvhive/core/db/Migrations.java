package org.luvhive.core.db;

import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The schema's migrations ({@code db/migration} in luvhive-core), applied by Flyway.
 * Each feature adds its own {@code V<n>__<what>.sql}. Thread-safe as Flyway is.
 */
public final class Migrations {

    private final Flyway flyway;

    public Migrations(DataSource dataSource) {
        this.flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .loggers("slf4j")
                .load();
    }

    /** Applies pending migrations; returns how many were applied. */
    public int migrate() {
        MigrateResult result = flyway.migrate();
        return result.migrationsExecuted;
    }

    /** The level the database is at, if any migration was applied. */
    public Optional<SchemaLevel> current() {
        MigrationInfo current = flyway.info().current();
        if (current == null || current.getVersion() == null) {
            return Optional.empty();
        }
        return Optional.of(new SchemaLevel(current.getVersion().getVersion(), current.getDescription()));
    }

    /** The newest level this build knows. */
    public Optional<SchemaLevel> latestKnown() {
        MigrationInfo[] all = flyway.info().all();
        for (int index = all.length - 1; index >= 0; index--) {
            if (all[index].getVersion() != null) {
                return Optional.of(new SchemaLevel(all[index].getVersion().getVersion(), all[index].getDescription()));
            }
        }
        return Optional.empty();
    }

    public int pendingCount() {
        return flyway.info().pending().length;
    }

    /** A schema version and what its migration did. */
    public record SchemaLevel(String version, String description) {
        @Override
        public String toString() {
            return version + " (" + description + ")";
        }
    }
}
