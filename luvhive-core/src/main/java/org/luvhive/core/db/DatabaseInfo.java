package org.luvhive.core.db;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * What an operator wants to know about the database in use (the CLI's {@code db info},
 * the bot's start-up line).
 *
 * @param url               where it is, password masked
 * @param serverVersion     the server's {@code server_version}
 * @param database          the current database
 * @param user              the role connected as
 * @param schemaVersion     the applied migration level, if any
 * @param schemaDescription what the newest applied migration did
 * @param latestKnown       the newest migration this build carries
 * @param pendingMigrations how many migrations are not applied yet
 * @param poolMaximumSize   the pool's maximum size
 * @param connectionTimeout how long a caller waits for a connection
 * @param embeddedData      the data directory when the server is the embedded one
 * @param sizeBytes         the database's size on disk
 */
public record DatabaseInfo(String url, String serverVersion, String database, String user,
                           Optional<String> schemaVersion, Optional<String> schemaDescription,
                           Optional<String> latestKnown, int pendingMigrations, int poolMaximumSize,
                           Duration connectionTimeout, Optional<Path> embeddedData, long sizeBytes) {

    /** Reads the figures from the server. */
    public static DatabaseInfo of(Database database) {
        record ServerFacts(String version, String database, String user, long size) {
        }
        ServerFacts facts = database.jdbi().withHandle(handle -> handle.createQuery(
                        "select current_setting('server_version') as version, current_database() as database, "
                                + "current_user as user, pg_database_size(current_database()) as size")
                .map((rows, context) -> new ServerFacts(rows.getString("version"), rows.getString("database"),
                        rows.getString("user"), rows.getLong("size")))
                .one());
        Migrations migrations = database.migrations();
        var current = migrations.current();
        return new DatabaseInfo(database.url().masked(), facts.version(), facts.database(), facts.user(),
                current.map(Migrations.SchemaLevel::version), current.map(Migrations.SchemaLevel::description),
                migrations.latestKnown().map(Migrations.SchemaLevel::version), migrations.pendingCount(),
                database.poolSettings().maximumSize(), database.poolSettings().connectionTimeout(),
                database.embeddedServer().map(EmbeddedPostgresServer::dataDirectory), facts.size());
    }
}
